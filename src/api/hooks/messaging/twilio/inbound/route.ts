import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isValidTwilioSignature } from "../../../../../lib/signatures/twilio"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { handleInboundMessageWorkflow } from "../../../../../workflows/handle-inbound-message"

/**
 * POST /hooks/messaging/twilio/inbound — texts shoppers send to the store's Twilio number (set it as the
 * number's or Messaging Service's "incoming message" webhook). Signed like status callbacks; answered
 * with empty TwiML, since replies go through the plugin's own pipeline.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const twilio = messaging.getOptions().twilio
  if (!twilio) {
    res.status(404).json({ type: "not_found", message: "Twilio is not configured" })
    return
  }
  const params = new URLSearchParams((req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? "")
  const url = `${twilio.publicUrl.replace(/\/$/, "")}${req.originalUrl}`
  if (!isValidTwilioSignature(twilio.authToken, req.get("x-twilio-signature"), url, params)) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-sms-rcs: refused a Twilio inbound webhook with a missing or wrong signature (${req.ip})`)
    res.status(403).json({ type: "not_allowed", message: "Invalid X-Twilio-Signature" })
    return
  }
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
