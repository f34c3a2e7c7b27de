import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"
import { conversationAnswer, conversationOr404 } from "../../load"

/** POST /admin/messaging/conversations/:id/reopen — the conversation open again. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id } = await conversationOr404(req.scope, req.params.id)
  const row = await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).updateConversation(id, { status: "open" })
  res.json(await conversationAnswer(req.scope, row, id))
}
