import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** An order number as the owner reads it on the order page: `1042` or `#1042`. */
const ORDER_NUMBER = /^#?(\d{1,12})$/

/**
 * The Messages page's order filter takes what the owner has at hand: Medusa's id (`order_01…`) or the
 * order's number (its `display_id`, shown as "#1042" in the admin). Numbers are turned into ids with
 * Medusa's query, in one lookup; a number no order has is kept as typed, so it matches no message
 * (the answer is an empty list, not every message).
 */
export async function orderIdsOf(scope: MedusaContainer, values: string[]): Promise<string[]> {
  const numbers = values.map((value) => ORDER_NUMBER.exec(value.trim())?.[1]).filter((n): n is string => !!n)
  if (!numbers.length) return values
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id"],
    filters: { display_id: numbers.map(Number) },
  })
  const idOf = new Map(orders.map((order: { id: string; display_id: number | string }) => [String(order.display_id), order.id]))
  return values.map((value) => {
    const number = ORDER_NUMBER.exec(value.trim())?.[1]
    return number ? idOf.get(String(Number(number))) ?? value : value
  })
}
