import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { handleInboundMessageWorkflow } from "../../../../../workflows/consent/handle-inbound-message"
import { verifyTwilioWebhook } from "../verify-twilio-webhook"

/**
 * POST /hooks/messaging/twilio/inbound — texts shoppers send to the store's Twilio number (set it as the
 * number's or Messaging Service's "incoming message" webhook). Signed like status callbacks; answered
 * with empty TwiML, since replies go through the plugin's own pipeline.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const params = verifyTwilioWebhook(req, res)
  if (!params) return
  // RCS conversations address the shopper as "rcs:+33…"
  const from = params.get("From")?.replace(/^rcs:/, "") ?? null
  const sid = params.get("MessageSid") ?? params.get("SmsSid")
  if (!from || !sid) {
    res.status(400).json({ type: "invalid_data", message: "From and MessageSid are required" })
    return
  }
  if (params.get("ButtonPayload")) {
    // a tap on an RCS quick reply: a touch of the RCS message it answers (the phone's latest)
    const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
    await messaging.recordSuggestionTap({ message_id: null, from, at: new Date() })
  }
  await handleInboundMessageWorkflow(req.scope).run({
    input: { from, to: params.get("To"), body: params.get("Body") ?? "", provider: "twilio", provider_message_id: sid },
  })
  res.status(200).type("text/xml").send("<Response></Response>")
}
