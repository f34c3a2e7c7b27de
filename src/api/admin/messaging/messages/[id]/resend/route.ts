import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"

/**
 * POST /admin/messaging/messages/:id/resend — a failed transactional message sent again as a new message
 * (consent read again, one message however often it is asked: see messages/message-resend.ts), audited.
 * 201 with the new message, 200 with the one an earlier click made, 400/404 with the reason.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { message, created, resend_of, attempt } = await messaging.resendMessage(req.params.id, {
    actor_id: req.auth_context.actor_id,
    actor_type: req.auth_context.actor_type,
  })
  res.status(created ? 201 : 200).json({ message, created, resend_of, attempt })
}
