import { model } from "@medusajs/framework/utils"

/** A store's own version of a message, per key and locale; defaults ship in code. */
export const Template = model
  .define(
    { name: "template", tableName: "sms_rcs_template" },
    {
      id: model.id({ prefix: "smstpl" }).primaryKey(),
      key: model.text(),
      locale: model.text(),
      purpose: model.enum(["transactional", "marketing"]),
      /** The SMS text, also the fallback of the RCS variant. */
      sms_body: model.text(),
      /** RCS rich card or carousel, with suggestions. */
      rcs_payload: model.json().nullable(),
      /** An image sent with the text as MMS where MMS is the norm (US and Canada through Twilio). */
      media_url: model.text().nullable(),
      enabled: model.boolean().default(true),
      metadata: model.json().nullable(),
    }
  )
  .indexes([{ on: ["key", "locale"], unique: true, where: "deleted_at IS NULL" }])
