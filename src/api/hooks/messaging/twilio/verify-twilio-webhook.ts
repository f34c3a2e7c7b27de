import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isValidTwilioSignature } from "../../../../lib/signatures/twilio"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * Checks a Twilio webhook: Twilio must be configured (404 otherwise) and `X-Twilio-Signature` must match
 * the public URL Twilio called — the `publicUrl` option, since behind a proxy this server sees another —
 * over the raw form parameters (403 otherwise, logged without the body). Returns the parameters, or null
 * when it has answered the request itself.
 */
export function verifyTwilioWebhook(req: MedusaRequest, res: MedusaResponse): URLSearchParams | null {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const twilio = messaging.getOptions().twilio
  if (!twilio) {
    res.status(404).json({ type: "not_found", message: "Twilio is not configured" })
    return null
  }
  const params = new URLSearchParams((req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? "")
  const url = `${twilio.publicUrl.replace(/\/$/, "")}${req.originalUrl}`
  if (!isValidTwilioSignature(twilio.authToken, req.get("x-twilio-signature"), url, params)) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-sms-rcs: refused a Twilio webhook with a missing or wrong signature (${req.ip}, ${req.path})`)
    res.status(403).json({ type: "not_allowed", message: "Invalid X-Twilio-Signature" })
    return null
  }
  return params
}
