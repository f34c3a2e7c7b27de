import { model } from "@medusajs/framework/utils"

/**
 * One conversation per phone: the shopper's thread with the store. Its entries are not copied here: they
 * are the phone's outbound messages (sms_rcs_message, written by the message writer) and its inbound texts
 * and suggestion taps (sms_rcs_inbound_message, written by recordInbound), read as one union
 * (conversations/conversation-entries.ts), so each fact keeps its one writer. This row holds only what
 * belongs to the thread itself: its status, who handles it, what is unread, when it last moved.
 */
export const Conversation = model
  .define(
    { name: "conversation", tableName: "sms_rcs_conversation" },
    {
      id: model.id({ prefix: "smsconv" }).primaryKey(),
      /** E.164, the shopper's number. */
      phone: model.text(),
      /** The channel the shopper last wrote on. */
      channel: model.enum(["sms", "rcs"]).nullable(),
      status: model.enum(["open", "waiting", "closed"]).default("open"),
      /** The admin user handling it. */
      assignee_id: model.text().nullable(),
      /** The customer the phone belongs to, when one is known. */
      customer_id: model.text().nullable(),
      unread_count: model.number().default(0),
      /** Since when the shopper waits for a person (asked for one, not answered yet). */
      waiting_since: model.dateTime().nullable(),
      last_activity_at: model.dateTime(),
      /** The last automatic "we will get back to you": at most one a day per conversation. */
      acknowledged_at: model.dateTime().nullable(),
      /**
       * The loop guard's window (conversations.windowMinutes): when it started and how many automatic
       * answers it holds, claimed by one conditional UPDATE so texts that arrive together count each.
       */
      answers_window_started_at: model.dateTime().nullable(),
      answers_in_window: model.number().default(0),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["phone"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "last_activity_at"], where: "deleted_at IS NULL" },
    { on: ["assignee_id"], where: "deleted_at IS NULL" },
  ])
