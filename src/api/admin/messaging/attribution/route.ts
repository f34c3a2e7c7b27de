import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * GET /admin/messaging/attribution?order_id=… — the message and touch an order is credited to (null
 * when none), with that message, for the order page.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { order_id } = req.validatedQuery as { order_id: string }
  const [attribution] = await messaging.listAttributions({ order_id }, { take: 1 })
  const [message] = attribution ? await messaging.listMessages({ id: attribution.message_id }, { take: 1 }) : []
  res.json({ attribution: attribution ?? null, message: message ?? null })
}
