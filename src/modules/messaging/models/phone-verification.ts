import { model } from "@medusajs/framework/utils"

/**
 * Proof that whoever changes a number's transactional consent from the storefront holds the number: a
 * code texted to it, stored only as a keyed hash, valid for a few minutes and a few attempts. A verified
 * row with a customer also makes the number that customer's own verified number.
 */
export const PhoneVerification = model
  .define(
    { name: "phone_verification", tableName: "sms_rcs_phone_verification" },
    {
      id: model.id({ prefix: "smspv" }).primaryKey(),
      phone: model.text(),
      customer_id: model.text().nullable(),
      /** The consent change the code will apply once confirmed. */
      purpose: model.enum(["transactional", "marketing"]),
      action: model.enum(["grant", "revoke"]),
      /** HMAC-SHA256 of the code under a per-installation key that is not kept in the database. */
      code_hash: model.text(),
      attempts: model.number().default(0),
      expires_at: model.dateTime(),
      verified_at: model.dateTime().nullable(),
      ip: model.text().nullable(),
      user_agent: model.text().nullable(),
    }
  )
  .indexes([{ on: ["phone", "customer_id"] }])
