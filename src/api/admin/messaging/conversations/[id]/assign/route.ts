import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"
import { conversationAnswer, conversationOr404 } from "../../load"
import type { AdminAssignConversationBodyType } from "../../validators"

/** POST /admin/messaging/conversations/:id/assign { assignee_id } — hands it to an admin user (null: nobody). */
export async function POST(req: AuthenticatedMedusaRequest<AdminAssignConversationBodyType>, res: MedusaResponse) {
  const { id } = await conversationOr404(req.scope, req.params.id)
  const { assignee_id } = req.validatedBody
  if (assignee_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "user", fields: ["id"], filters: { id: assignee_id } })
    if (!data.length) {
      const error = new MedusaError(MedusaError.Types.INVALID_DATA, `assignee_id: no admin user ${assignee_id}`)
      error.code = "unknown_user"
      throw error
    }
  }
  const row = await req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).updateConversation(id, { assignee_id })
  res.json(await conversationAnswer(req.scope, row, id))
}
