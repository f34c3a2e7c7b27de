import { model } from "@medusajs/framework/utils"

/**
 * A secret made once per installation (random, 32 bytes) and kept in PostgreSQL with the data it protects
 * from being read back: the key of the erased-number suppression list. Kept in the database rather than
 * Redis so that losing Redis never forgets who opted out. Not exposed by the module's service.
 */
export const InstallSecret = model
  .define(
    { name: "install_secret", tableName: "sms_rcs_install_secret" },
    {
      id: model.id({ prefix: "smssec" }).primaryKey(),
      name: model.text(),
      value: model.text(),
    }
  )
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
