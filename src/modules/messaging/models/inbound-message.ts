import { model } from "@medusajs/framework/utils"

/** A text a shopper sent to the store's number: kept for the admin, and read for STOP/START/HELP. */
export const InboundMessage = model
  .define(
    { name: "inbound_message", tableName: "sms_rcs_inbound_message" },
    {
      id: model.id({ prefix: "smsin" }).primaryKey(),
      from: model.text(),
      to: model.text().nullable(),
      body: model.text(),
      provider: model.text(),
      provider_message_id: model.text(),
      /**
       * What the text asked for: stop, stop_all, start, confirm (YES to a double opt-in), help, ambiguous
       * (an opt-out word that does not say what it stops: flagged for the admin), or none (a reply).
       */
      intent: model.enum(["stop", "stop_all", "start", "confirm", "help", "ambiguous", "none"]),
      keyword: model.text().nullable(),
      /** "text" (typed) or "suggestion_tap" (an RCS suggested reply or action tapped; `body` is its text). */
      kind: model.enum(["text", "suggestion_tap"]).default("text"),
      /** The tapped suggestion's postback data (our message reference removed). */
      postback: model.text().nullable(),
      /** The message a tap came with. */
      in_reply_to_id: model.text().nullable(),
      received_at: model.dateTime(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["provider", "provider_message_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["from", "received_at"] },
  ])
