import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { attributeOrderWorkflow } from "./attribute-order"

const PAGE = 200

export type RecomputeAttributionsInput = {
  from: Date
  to: Date
  /** Only the orders with no attribution row (the repair job: rows a failed or lost write never left). */
  onlyMissing?: boolean
}

/**
 * Credits again the orders placed in [from, to), page by page in order of placing, each through the
 * attribute-order workflow with the windows in force. The admin's recompute (windows changed) and the
 * repair job (an order.placed whose attribution failed, or whose row a PostgreSQL crash dropped: its
 * commit does not wait for the WAL flush) share it.
 */
export async function recomputeAttributions(
  container: MedusaContainer,
  { from, to, onlyMissing = false }: RecomputeAttributionsInput
): Promise<{ orders: number; attributed: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  let orders = 0
  let attributed = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { created_at: { $gte: from, $lt: to } },
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    let ids = data.map((order: { id: string }) => order.id)
    if (onlyMissing && ids.length) {
      const credited = await messaging.listAttributions({ order_id: ids }, { select: ["order_id"], take: null })
      const done = new Set(credited.map((row) => row.order_id))
      ids = ids.filter((id) => !done.has(id))
    }
    for (const order_id of ids) {
      orders++
      const { result } = await attributeOrderWorkflow(container).run({ input: { order_id } })
      if (result) attributed++
    }
    if (data.length < PAGE) break
  }
  return { orders, attributed }
}
