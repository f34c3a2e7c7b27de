import type { WebhookHandler, WebhookRequest } from "../types"
import { invalidWebhook, refuseWebhook } from "../webhooks"
import type { TwilioOptions } from "./twilio-options"
import { isValidTwilioSignature } from "./twilio-signature"
import { twilioStatusEvent } from "./twilio-status"

/**
 * The form parameters of a request whose `X-Twilio-Signature` matches the public URL Twilio called — the
 * `publicUrl` option, since behind a proxy this server sees another — over the raw form parameters; null
 * when it does not.
 */
function verifiedParams(request: WebhookRequest, options: TwilioOptions): URLSearchParams | null {
  const params = new URLSearchParams(request.rawBody?.toString("utf8") ?? "")
  const url = `${options.publicUrl.replace(/\/$/, "")}${request.originalUrl}`
  return isValidTwilioSignature(options.authToken, request.header("x-twilio-signature"), url, params) ? params : null
}

const refused = () => refuseWebhook("refused a Twilio webhook with a missing or wrong signature", "Invalid X-Twilio-Signature")

/**
 * POST /hooks/messaging/twilio/status — Twilio's delivery reports, signed. The report is applied at once
 * — one conditional UPDATE through the state machine — so it needs neither Redis nor the queue, and a
 * replayed or late one changes nothing.
 */
export const twilioStatusWebhook: WebhookHandler<TwilioOptions> = (request, options) => {
  const params = verifiedParams(request, options)
  if (!params) return refused()
  const messageId = typeof request.query.message_id === "string" ? request.query.message_id : undefined
  const event = twilioStatusEvent(params, messageId)
  return { answer: { status: 204 }, events: event ? [{ kind: "status", event }] : [] }
}

/**
 * POST /hooks/messaging/twilio/inbound — texts shoppers send to the store's Twilio number (set it as the
 * number's or Messaging Service's "incoming message" webhook). Signed like status callbacks; answered
 * with empty TwiML, since replies go through the plugin's own pipeline.
 */
export const twilioInboundWebhook: WebhookHandler<TwilioOptions> = (request, options) => {
  const params = verifiedParams(request, options)
  if (!params) return refused()
  // RCS conversations address the shopper as "rcs:+33…"
  const from = params.get("From")?.replace(/^rcs:/, "") ?? null
  const sid = params.get("MessageSid") ?? params.get("SmsSid")
  if (!from || !sid) {
    return invalidWebhook("From and MessageSid are required")
  }
  return {
    answer: { status: 200, type: "text/xml", text: "<Response></Response>" },
    events: [
      // a tap on an RCS quick reply: a touch of the RCS message it answers (the phone's latest)
      ...(params.get("ButtonPayload") ? [{ kind: "tap" as const, message_id: null, from, at: new Date() }] : []),
      { kind: "inbound", from, to: params.get("To"), body: params.get("Body") ?? "", provider_message_id: sid },
    ],
  }
}
