import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attributeOrderWorkflow } from "../../../../../workflows/attribution/attribute-order"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminRecomputeAttributionBodyType } from "../validators"

const PAGE = 200

/**
 * POST /admin/messaging/attribution/recompute { from, to? } — after the windows changed, the orders
 * placed in the period are credited again with the windows in force; answers how many were looked at
 * and how many are now attributed.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRecomputeAttributionBodyType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { from, to = new Date() } = req.validatedBody
  let orders = 0
  let attributed = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { created_at: { $gte: from, $lt: to } },
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    for (const order of data) {
      orders++
      const { result } = await attributeOrderWorkflow(req.scope).run({ input: { order_id: order.id } })
      if (result) attributed++
    }
    if (data.length < PAGE) break
  }
  res.json({ orders, attributed, windows: messaging.attributionWindows() })
}
