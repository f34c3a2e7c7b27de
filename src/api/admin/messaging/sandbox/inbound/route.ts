import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { handleInboundMessageWorkflow } from "../../../../../workflows/consent/handle-inbound-message"
import type { AdminSandboxInboundBodyType } from "./validators"

/**
 * POST /admin/messaging/sandbox/inbound { from, body? | postback + text?, in_reply_to? } — a shopper's text
 * (or RCS suggestion tap) "received" by the sandbox, for trying the inbox, the automatic answers and the
 * demo without a phone. It goes through the same path as a Twilio or RBM webhook's text. 404 unless the
 * sandbox is the SMS or RCS gateway (a text "received" there would be answered through a real provider).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSandboxInboundBodyType>, res: MedusaResponse) {
  const options = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  if (options.provider !== "sandbox" && options.rcs.provider !== "sandbox") {
    res.status(404).json({ type: "not_found", code: "sandbox_not_configured", message: "The sandbox is not configured: it receives texts only when it is the SMS or RCS gateway." })
    return
  }
  const { from, body, postback, text, in_reply_to } = req.validatedBody
  const tap = postback ? { postback, in_reply_to: in_reply_to ?? null } : null
  const { result } = await handleInboundMessageWorkflow(req.scope).run({
    input: {
      from,
      body: tap ? text ?? body ?? postback! : body!,
      provider: "sandbox",
      provider_message_id: `sandbox-in-${randomUUID()}`,
      tap,
      channel: tap ? "rcs" : "sms",
    },
  })
  res.status(202).json({ inbound_id: result.inbound_id })
}
