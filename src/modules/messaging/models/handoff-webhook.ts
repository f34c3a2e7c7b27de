import { model } from "@medusajs/framework/utils"

/**
 * One outgoing hand-off webhook (a shopper asked for a person; docs/conversations.md, "Hand-off webhook"):
 * PostgreSQL holds what is sent, the BullMQ job only its id, so a phone never sits in Redis and a job lost
 * with Redis is queued again from here. The id is the event id receivers see, derived from the conversation
 * and the time of the ask: a replayed inbound finds its row and notifies no one twice. `body` is the exact
 * JSON that is signed (text, not jsonb: PostgreSQL would reorder its keys); it goes once the delivery is over.
 */
export const HandoffWebhook = model
  .define(
    { name: "handoff_webhook", tableName: "sms_rcs_handoff_webhook" },
    {
      id: model.text().primaryKey(),
      conversation_id: model.text(),
      /** E.164, for personal-data export and erasure; null once delivered or given up. */
      phone: model.text().nullable(),
      body: model.text().nullable(),
      status: model.enum(["pending", "delivered", "failed"]).default("pending"),
      attempts: model.number().default(0),
      /** The receiver's last answer or network error (never the body). */
      last_error: model.text().nullable(),
      delivered_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { on: ["phone"], where: "deleted_at IS NULL" },
  ])
