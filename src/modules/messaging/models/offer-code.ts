import { model } from "@medusajs/framework/utils"

/**
 * A single-use offer code issued to one message (one recipient and occasion): the store's promotion it
 * copies, the promotion created for it through the Promotion module, when it ends, and the order that
 * redeemed it. One row per message, so a message asks for its code again and gets the same one.
 * `phone` is the recipient's, for the personal-data export and erase.
 */
export const OfferCode = model
  .define(
    { name: "offer_code", tableName: "sms_rcs_offer_code" },
    {
      id: model.id({ prefix: "smsoffer" }).primaryKey(),
      message_id: model.text(),
      idempotency_key: model.text(),
      phone: model.text().nullable(),
      automation: model.text().nullable(),
      campaign_id: model.text().nullable(),
      /** The store's promotion the code copies. */
      base_promotion_id: model.text(),
      /** The copy created for this code (null until the Promotion module answered). */
      promotion_id: model.text().nullable(),
      code: model.text(),
      expires_at: model.dateTime(),
      order_id: model.text().nullable(),
      redeemed_at: model.dateTime().nullable(),
      /** When the cleanup job deleted the expired, unused promotion. */
      removed_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["message_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["expires_at"], where: "deleted_at IS NULL AND redeemed_at IS NULL AND removed_at IS NULL" },
  ])
