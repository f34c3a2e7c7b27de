import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"
import { conversationAnswer, conversationOr404 } from "../../load"

/** POST /admin/messaging/conversations/:id/read — the conversation marked read: its unread count back to 0. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id } = await conversationOr404(req.scope, req.params.id)
  const row = await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).updateConversation(id, { unread_count: 0 })
  res.json(await conversationAnswer(req.scope, row, id))
}
