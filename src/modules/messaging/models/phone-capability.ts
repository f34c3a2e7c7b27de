import { model } from "@medusajs/framework/utils"

/**
 * What a phone can receive, as the RCS provider last answered (`GET phones/{E164}/capabilities`).
 * Kept in PostgreSQL rather than only in memory so every process shares it, segments can filter on
 * "RCS capable", and a lookup is not repeated before `expires_at` (Google: answers hold up to 31 days).
 */
export const PhoneCapability = model
  .define(
    { name: "phone_capability", tableName: "sms_rcs_phone_capability" },
    {
      id: model.id({ prefix: "smscap" }).primaryKey(),
      /** E.164. */
      phone: model.text(),
      /** The provider that answered (`rbm`, `twilio`, `sandbox`). */
      provider: model.text(),
      rcs_capable: model.boolean(),
      /** Features reported (RICHCARD_STANDALONE, RICHCARD_CAROUSEL, ACTION_OPEN_URL …). */
      features: model.array().nullable(),
      checked_at: model.dateTime(),
      expires_at: model.dateTime(),
    }
  )
  .indexes([
    { on: ["phone", "provider"], unique: true, where: "deleted_at IS NULL" },
    { on: ["phone"], where: "deleted_at IS NULL" },
  ])
