import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** The kinds of events that can change a variant's price, by what their `id` names. */
export type PriceEventSubject = "variant" | "product" | "price" | "price_list"

/**
 * The variants whose price an event may have changed. Medusa's events carry only the id of what changed
 * (a variant, a product, a price, a price list), so the price's set, and the set's variant, are read back.
 * A deleted price list cannot be read: its variants wait for the hourly sweep (a price that went up needs
 * no text, only a new baseline).
 */
export async function variantsOfPriceEvent(container: MedusaContainer, subject: PriceEventSubject, ids: string[]): Promise<string[]> {
  if (!ids.length) return []
  if (subject === "variant") return ids
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (subject === "product") {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: ids } })
    return data.map((v: { id: string }) => v.id)
  }
  const pricing = container.resolve(Modules.PRICING)
  const prices =
    subject === "price"
      ? await pricing.listPrices({ id: ids }, { select: ["id", "price_set_id"] })
      : await pricing.listPrices({ price_list_id: ids }, { select: ["id", "price_set_id"], take: 10_000 })
  const priceSetIds = [...new Set(prices.map((p) => p.price_set_id).filter(Boolean))] as string[]
  if (!priceSetIds.length) return []
  const { data } = await query.graph({ entity: "product_variant_price_set", fields: ["variant_id"], filters: { price_set_id: priceSetIds } })
  return data.map((link: { variant_id: string }) => link.variant_id)
}
