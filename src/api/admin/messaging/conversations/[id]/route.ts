import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { ordersOfPhone } from "../../../../../workflows/conversations/utils/orders-of-phone"
import { replyPermission } from "../../../../../workflows/conversations/utils/reply-permission"
import { conversationOr404 } from "../load"
import { loadPeople, presentConversation, presentEntry } from "../presenters"
import type { AdminGetConversationParamsType } from "../validators"

/**
 * GET /admin/messaging/conversations/:id — the conversation with the orders its phone is tied to, its
 * entries oldest first (the last 200; `?before=<entry id>` pages older ones) and whether a reply can go.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetConversationParamsType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const row = await conversationOr404(req.scope, req.params.id)
  const [entries, orders, reply] = await Promise.all([
    messaging.conversationEntries(row.phone, req.validatedQuery.before),
    ordersOfPhone(req.scope, row.phone, row.customer_id),
    replyPermission(req.scope, row.phone),
  ])
  const people = await loadPeople(req.scope, { users: [row.assignee_id, ...entries.map((e) => e.sent_by_id)], customers: [row.customer_id] })
  res.json({
    conversation: {
      ...presentConversation(row, people),
      orders: orders.map(({ tracking: _tracking, ...order }) => order),
    },
    entries: entries.map((e) => presentEntry(e, people)),
    reply,
  })
}
