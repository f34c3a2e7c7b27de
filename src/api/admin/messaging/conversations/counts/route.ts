import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"

/** GET /admin/messaging/conversations/counts — the inbox filters' badges: open, waiting, mine, unread. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json(await messaging.conversationCounts(req.auth_context.actor_id))
}
