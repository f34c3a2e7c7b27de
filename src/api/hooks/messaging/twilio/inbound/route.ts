import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleInboundMessageWorkflow } from "../../../../../workflows/handle-inbound-message"
import { verifyTwilioWebhook } from "../verify-twilio-webhook"

/**
 * POST /hooks/messaging/twilio/inbound — texts shoppers send to the store's Twilio number (set it as the
 * number's or Messaging Service's "incoming message" webhook). Signed like status callbacks; answered
 * with empty TwiML, since replies go through the plugin's own pipeline.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const params = verifyTwilioWebhook(req, res)
  if (!params) return
  const from = params.get("From")
  const sid = params.get("MessageSid") ?? params.get("SmsSid")
  if (!from || !sid) {
    res.status(400).json({ type: "invalid_data", message: "From and MessageSid are required" })
    return
  }
  await handleInboundMessageWorkflow(req.scope).run({
    input: { from, to: params.get("To"), body: params.get("Body") ?? "", provider: "twilio", provider_message_id: sid },
  })
  res.status(200).type("text/xml").send("<Response></Response>")
}
