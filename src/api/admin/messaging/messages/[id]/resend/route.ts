import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"

/**
 * POST /admin/messaging/messages/:id/resend — a failed transactional message sent again as a new message
 * (consent read again, one message however often it is asked: see messages/message-resend.ts), audited.
 * 201 with the new message, 200 with the one an earlier click made, 400/404 with the reason and its `code`
 * (`marketing`, `test_send`, `consent_reply`, `not_failed`, `fallback_sent`, `opted_out`…, `not_found`).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { message, created, resend_of, attempt } = await messaging
    .resendMessage(req.params.id, { actor_id: req.auth_context.actor_id, actor_type: req.auth_context.actor_type })
    .catch((error: unknown) => {
      // every refusal carries a machine code the admin translates; the module's own codes are kept
      if (MedusaError.isMedusaError(error) && !(error as MedusaError).code) {
        ;(error as MedusaError).code = (error as MedusaError).type === MedusaError.Types.NOT_FOUND ? "not_found" : "not_resendable"
      }
      throw error
    })
  res.status(created ? 201 : 200).json({ message, created, resend_of, attempt })
}
