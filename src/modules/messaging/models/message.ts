import { model } from "@medusajs/framework/utils"
import { CONSENT_REPLY_KINDS } from "../../../lib/consent/consent-reply"
import { MESSAGE_STATUSES } from "../../../lib/message-status"

/**
 * One text sent (or deliberately not sent) to one phone. The row is the truth: the queue only carries
 * its id. `idempotency_key` makes the same event produce one message however often it is delivered.
 */
export const Message = model
  .define(
    { name: "message", tableName: "sms_rcs_message" },
    {
      id: model.id({ prefix: "msg" }).primaryKey(),
      /** E.164; null when the recipient had no usable phone (the message is then `skipped`). */
      to: model.text().nullable(),
      /** The phone as found on the address or customer, kept to explain a skip. */
      raw_to: model.text().nullable(),
      country_code: model.text().nullable(),
      /** Which sending rules apply ("US-FL", "FR", …); set when the message is created, read by the worker. */
      rule_region: model.text().nullable(),
      /** The recipient's possible IANA time zones, for quiet hours. */
      time_zones: model.array().nullable(),
      channel: model.enum(["sms", "rcs"]).default("sms"),
      purpose: model.enum(["transactional", "marketing"]),
      template_key: model.text().nullable(),
      locale: model.text().nullable(),
      body: model.text().nullable(),
      rich_payload: model.json().nullable(),
      status: model.enum(MESSAGE_STATUSES).default("queued"),
      status_reason: model.text().nullable(),
      provider: model.text().nullable(),
      provider_message_id: model.text().nullable(),
      idempotency_key: model.text().unique(),
      encoding: model.enum(["GSM-7", "UCS-2"]).nullable(),
      segments: model.number().default(0),
      /** Estimated cost in `cost_currency_code` (segments × price per segment), when prices are configured. */
      cost_amount: model.float().nullable(),
      cost_currency_code: model.text().nullable(),
      order_id: model.text().nullable(),
      cart_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      campaign_id: model.text().nullable(),
      /** The campaign's A/B variant this text is (its id in the campaign's `variants`). */
      campaign_variant: model.text().nullable(),
      /** The automation that sent it (order_placed, abandoned_cart …), for analytics. */
      automation: model.text().nullable(),
      /** The RCS message this SMS replaces after the RCS one failed or expired. */
      fallback_of_id: model.text().nullable(),
      attempts: model.number().default(0),
      /** Not before this time (quiet hours, scheduled sends). */
      send_after: model.dateTime().nullable(),
      /** When a worker took the message; a stale claim is taken back by the sweeper. */
      claimed_at: model.dateTime().nullable(),
      /** An RCS message not delivered by then is revoked and replaced by its SMS fallback. */
      expires_at: model.dateTime().nullable(),
      sent_at: model.dateTime().nullable(),
      delivered_at: model.dateTime().nullable(),
      read_at: model.dateTime().nullable(),
      failed_at: model.dateTime().nullable(),
      status_updated_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
      /**
       * Set only by the plugin's own consent replies (the STOP confirmation, HELP, the double opt-in ask, a
       * verification code): what lets one pass the send-time consent check. Never read from a template key
       * or from anything an admin or a shopper types.
       */
      consent_reply: model.enum([...CONSENT_REPLY_KINDS]).nullable(),
      /**
       * Set on a conversation's messages (kind "conversation": neither marketing nor campaign): "automatic"
       * for an automatic answer, "agent" for an admin's reply. Null for every other message.
       */
      conversation_role: model.enum(["automatic", "agent"]).nullable(),
      /** The admin user who wrote an agent reply. */
      sent_by: model.text().nullable(),
      /** MMS: the image sent with the text (priced as one MMS, not by segments). */
      media_url: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["order_id"] },
    { on: ["customer_id"] },
    { on: ["to"] },
    { on: ["status", "send_after"] },
    { on: ["provider", "provider_message_id"] },
    { on: ["campaign_id"] },
    // a campaign's messages still to send, in planning order: the feed, pause/resume, cancel, "done?"
    { on: ["campaign_id", "id"], where: "deleted_at IS NULL AND status IN ('queued', 'deferred')" },
    { on: ["sent_at"] },
    // attribution: a phone's or a customer's recent messages
    { on: ["to", "sent_at"] },
    { on: ["customer_id", "sent_at"] },
    // RCS messages waiting for delivery past their deadline (fallback job)
    { on: ["channel", "status", "expires_at"], where: "deleted_at IS NULL AND expires_at IS NOT NULL" },
  ])
