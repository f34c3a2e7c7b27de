import type { WebhookEvent, WebhookHandler } from "../types"
import { invalidWebhook, refuseWebhook } from "../webhooks"
import { parseRbmData, rbmWebhookBodySchema, type RbmWebhookEvent } from "./rbm-events"
import type { RbmOptions } from "./rbm-options"
import { isRbmClientToken, isValidRbmSignature } from "./rbm-signature"

const refuse = (why: string) => refuseWebhook(`refused an RBM webhook: ${why}`, why)

/** What the plugin does with each kind of RBM event. */
function eventsOf(event: RbmWebhookEvent): WebhookEvent[] {
  switch (event.kind) {
    case "status":
      // an event for a message whose send's answer is not recorded yet is kept and applied once it is
      return [{ kind: "status", event: event.status, keepIfUnknown: true }]
    case "text":
      return [{ kind: "inbound", from: event.from, body: event.text, provider_message_id: event.id }]
    case "suggestion":
      // a tap on a suggested reply or action: a touch of the message it came with, and a reply
      return [
        { kind: "tap", message_id: event.message_id, from: event.from, at: new Date(event.at) },
        {
          kind: "inbound",
          from: event.from,
          body: event.text,
          provider_message_id: event.id,
          tap: { postback: event.postback_data || null, in_reply_to: event.message_id },
        },
      ]
    case "ignored":
      return []
  }
}

/**
 * POST /hooks/messaging/rbm — Google RBM's agent webhook. The console's handshake (`clientToken` +
 * `secret`) is answered with the secret; every other request must carry `X-Goog-Signature` over its
 * `message.data` (403 otherwise, logged without the body). Delivery and read events go through the
 * state machine, TTL revocations start the SMS fallback, replies and suggestion taps go to the consent
 * keywords and count as touches. A replayed event (same event or message id) is acknowledged and ignored.
 */
export const rbmWebhook: WebhookHandler<RbmOptions> = (request, options) => {
  const parsed = rbmWebhookBodySchema.safeParse(request.body)
  if (!parsed.success) {
    return invalidWebhook("expected an RBM webhook body (message.data) or the console's handshake")
  }
  if ("clientToken" in parsed.data) {
    if (!isRbmClientToken(options.clientToken, parsed.data.clientToken)) {
      return refuse("handshake with a wrong client token")
    }
    return { answer: { status: 200, type: "text/plain", text: parsed.data.secret } }
  }
  const data = parsed.data.message.data
  if (!isValidRbmSignature(options.clientToken, request.header("x-goog-signature"), data)) {
    return refuse("missing or wrong X-Goog-Signature")
  }
  let event: RbmWebhookEvent
  try {
    event = parseRbmData(data)
  } catch (error) {
    return invalidWebhook((error as Error).message)
  }
  return { answer: { status: 200, json: { received: true } }, events: eventsOf(event), eventId: event.id }
}
