import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { twilioStatusEvent } from "../../../../../providers"
import { verifyTwilioWebhook } from "../verify-twilio-webhook"

/**
 * POST /hooks/messaging/twilio/status — Twilio's delivery reports, signed. The report is applied at once
 * — one conditional UPDATE through the state machine — so it needs neither Redis nor the queue, and a
 * replayed or late one changes nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const params = verifyTwilioWebhook(req, res)
  if (!params) return
  const messageId = typeof req.query.message_id === "string" ? req.query.message_id : undefined
  const event = twilioStatusEvent(params, messageId)
  if (event) {
    await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).applyStatusEvent(event)
  }
  res.status(204).end()
}
