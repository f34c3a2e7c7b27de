import { model } from "@medusajs/framework/utils"

/**
 * Who did what to personal data or consent from the admin (an erasure, a consent import, consent
 * recorded by hand), so a store can answer "who did it". Append-only. `subject` and `summary` hold ids
 * and counts only, never a phone or a text: the audit log must survive the erasures it records.
 */
export const AuditEntry = model
  .define(
    { name: "audit_entry", tableName: "sms_rcs_audit_entry" },
    {
      id: model.id({ prefix: "smsaud" }).primaryKey(),
      /** The admin user's id (`auth_context.actor_id`); null when done by code outside a request. */
      actor_id: model.text().nullable(),
      actor_type: model.text().nullable(),
      /** "personal_data.erase", "personal_data.export", "consent.import", "consent.record". */
      action: model.text(),
      /** What it was done to: ids only (`customer_id`, `event_id`, `import_id`). */
      subject: model.json().nullable(),
      /** What happened: counts and ids only. */
      summary: model.json().nullable(),
      /** Set by the database (`now()`), in the same transaction as the action. */
      occurred_at: model.dateTime(),
    }
  )
  .indexes([{ on: ["occurred_at"] }, { on: ["action", "occurred_at"] }, { on: ["actor_id"] }])
