import { model } from "@medusajs/framework/utils"

/** Current consent of one phone for one purpose and channel, derived from the consent events. */
export const Consent = model
  .define(
    { name: "consent", tableName: "sms_rcs_consent" },
    {
      id: model.id({ prefix: "smscons" }).primaryKey(),
      phone: model.text(),
      customer_id: model.text().nullable(),
      purpose: model.enum(["transactional", "marketing"]),
      channel: model.enum(["sms", "rcs", "all"]).default("all"),
      status: model.enum(["granted", "revoked", "pending"]),
      granted_at: model.dateTime().nullable(),
      revoked_at: model.dateTime().nullable(),
      last_event_id: model.text().nullable(),
      /** When the event that set the current status happened; an older event never overrides a newer one. */
      last_event_at: model.dateTime().nullable(),
      /** That event's `seq`: with `last_event_at`, the order the ledger is folded in. */
      last_event_seq: model.number().nullable(),
    }
  )
  .indexes([
    { on: ["phone", "purpose", "channel"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"] },
  ])
