import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import type { RcsPayload } from "../../../../../lib/rcs/payload"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { sendMessageWorkflow } from "../../../../../workflows/messages/send-message"
import type { AdminProviderTestSendBodyType } from "../validators"

/** What the setup page's test shows on an RCS phone: a card with a button, to see rich content arrive. */
const TEST_CARD: RcsPayload = {
  type: "card",
  card: {
    title: "Test message",
    description: "RCS works: this card came through your RCS provider.",
    suggestions: [{ type: "reply", text: "Got it", postback_data: "setup_test_ok" }],
  },
}

/**
 * POST /admin/messaging/providers/test-send — sends a test message to a phone on a chosen channel through
 * the real pipeline (capability check, provider, status callbacks, SMS fallback), and returns the message
 * to follow on the page.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminProviderTestSendBodyType>, res: MedusaResponse) {
  const { phone, channel, body } = req.validatedBody
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  if (channel === "rcs" && !messaging.rcsRouting().available) {
    res.status(400).json({ type: "invalid_data", message: "RCS is not configured: set rcs.provider in the plugin options" })
    return
  }
  const { result } = await sendMessageWorkflow(req.scope).run({
    input: {
      template_key: "provider_test",
      idempotency_key: `provider-test:${randomUUID()}`,
      phone,
      channel,
      body: body ?? `Test message from your store: ${channel.toUpperCase()} sending works.`,
      rcs_payload: channel === "rcs" ? TEST_CARD : null,
      purpose: "transactional",
      metadata: { test: true, sent_by: req.auth_context.actor_id },
    },
  })
  const { message } = result
  if (message.status === "skipped" || message.status === "suppressed") {
    res.status(400).json({ type: "invalid_data", message: `Not sent: ${message.status_reason}` })
    return
  }
  res.json({ message: { id: message.id, channel: message.channel, status: message.status, to: message.to } })
}
