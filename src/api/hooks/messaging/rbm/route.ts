import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isRbmClientToken, isValidRbmSignature } from "../../../../lib/signatures/rbm"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { parseRbmData, rbmWebhookBodySchema } from "../../../../providers"
import { handleInboundMessageWorkflow } from "../../../../workflows/consent/handle-inbound-message"

/**
 * POST /hooks/messaging/rbm — Google RBM's agent webhook. The console's handshake (`clientToken` +
 * `secret`) is answered with the secret; every other request must carry `X-Goog-Signature` over its
 * `message.data` (403 otherwise, logged without the body). Delivery and read events go through the
 * state machine, TTL revocations start the SMS fallback, replies and suggestion taps go to the consent
 * keywords and count as touches. A replayed event (same event or message id) is acknowledged and ignored.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const rbm = messaging.getOptions().rbm
  if (!rbm) {
    res.status(404).json({ type: "not_found", message: "Google RBM is not configured" })
    return
  }
  const refuse = (why: string) => {
    logger.warn(`medusa-plugin-sms-rcs: refused an RBM webhook: ${why} (${req.ip}, ${req.path})`)
    res.status(403).json({ type: "not_allowed", message: why })
  }
  const parsed = rbmWebhookBodySchema.safeParse(req.body)
  if (!parsed.success) {
    res.status(400).json({ type: "invalid_data", message: "expected an RBM webhook body (message.data) or the console's handshake" })
    return
  }
  if ("clientToken" in parsed.data) {
    if (!isRbmClientToken(rbm.clientToken, parsed.data.clientToken)) {
      return refuse("handshake with a wrong client token")
    }
    res.status(200).type("text/plain").send(parsed.data.secret)
    return
  }
  const data = parsed.data.message.data
  if (!isValidRbmSignature(rbm.clientToken, req.get("x-goog-signature"), data)) {
    return refuse("missing or wrong X-Goog-Signature")
  }
  let event: ReturnType<typeof parseRbmData>
  try {
    event = parseRbmData(data)
  } catch (error) {
    res.status(400).json({ type: "invalid_data", message: (error as Error).message })
    return
  }
  if (await messaging.isDuplicateWebhook("rbm", event.id)) {
    res.status(200).json({ duplicate: true })
    return
  }
  switch (event.kind) {
    case "status":
      // an event for a message whose send's answer is not recorded yet is kept and applied once it is
      await messaging.receiveStatusEvent(event.status)
      break
    case "text":
      await handleInboundMessageWorkflow(req.scope).run({
        input: { from: event.from, body: event.text, provider: "rbm", provider_message_id: event.id },
      })
      break
    case "suggestion": {
      // a tap on a suggested reply or action: a touch of the message it came with, and a reply
      await messaging.recordSuggestionTap({ message_id: event.message_id, from: event.from, at: new Date(event.at) })
      await handleInboundMessageWorkflow(req.scope).run({
        input: { from: event.from, body: event.text, provider: "rbm", provider_message_id: event.id },
      })
      break
    }
    case "ignored":
      break
  }
  await messaging.markWebhookSeen("rbm", event.id)
  res.status(200).json({ received: true })
}
