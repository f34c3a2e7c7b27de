import { model } from "@medusajs/framework/utils"

/**
 * A revocation that outlives the erasure of its number: when a number that had opted out is erased, its
 * revoked purposes are kept here under a keyed hash of the number (HMAC-SHA-256 with this installation's
 * secret), so sending to the number is still refused while nothing in the database reads back to it.
 */
export const ErasedSuppression = model
  .define(
    { name: "erased_suppression", tableName: "sms_rcs_erased_suppression" },
    {
      id: model.id({ prefix: "smssup" }).primaryKey(),
      /** Hex HMAC-SHA-256 of the E.164 number under the installation's `erasure` secret. */
      phone_key: model.text(),
      purpose: model.enum(["transactional", "marketing"]),
      /** When the number was revoked (the consent's `revoked_at`), kept as the suppression's own proof. */
      revoked_at: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["phone_key", "purpose"], unique: true, where: "deleted_at IS NULL" }])
