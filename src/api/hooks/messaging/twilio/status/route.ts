import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isValidTwilioSignature } from "../../../../../lib/signatures/twilio"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { twilioStatusEvent } from "../../../../../providers"

/**
 * POST /hooks/messaging/twilio/status — Twilio's delivery reports. The signature is checked against the
 * public URL Twilio called (the `publicUrl` option, since behind a proxy this server sees another one),
 * over the raw form parameters. The report is applied at once — one conditional UPDATE through the
 * state machine — so it needs neither Redis nor a second trip through the queue.
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
      .warn(`medusa-plugin-sms-rcs: refused a Twilio webhook with a missing or wrong signature (${req.ip}, ${req.originalUrl})`)
    res.status(403).json({ type: "not_allowed", message: "Invalid X-Twilio-Signature" })
    return
  }
  const messageId = typeof req.query.message_id === "string" ? req.query.message_id : undefined
  const event = twilioStatusEvent(params, messageId)
  if (event) {
    await messaging.applyStatusEvent(event)
  }
  res.status(204).end()
}
