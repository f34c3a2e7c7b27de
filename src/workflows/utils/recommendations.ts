import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productPageUrl, variantInStock, type VariantStock } from "../../lib/back-in-stock"
import type { RecommendedProduct } from "../../lib/recommendations/message"
import { coPurchaseRanking, MAX_RECOMMENDATIONS, rankRecommendations } from "../../lib/recommendations/rank"

/** The store's recent orders the ranking learns from: enough to see habits, few enough to read at each text. */
export const HISTORY_ORDERS = 500
/** Candidates whose stock is read: the best co-purchases and the collections' first products. */
const CANDIDATES = 30

const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "status",
  "thumbnail",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

type CandidateProduct = { id: string; title?: string | null; handle?: string | null; status?: string; thumbnail?: string | null; variants?: VariantStock[] | null }

/**
 * The products to suggest beside these (an order's or a cart's), for `{{recommendations}}`: bought
 * together with them in the store's last orders, else from their collections, published and with a
 * variant in stock, top 3 (lib/recommendations/rank.ts ranks; this reads the data through Query).
 */
export async function recommendedProducts(
  container: MedusaContainer,
  productIds: readonly (string | null | undefined)[],
  options: { productUrl?: string; storefrontUrl?: string },
  /** Shared by the texts of one job run: the history is read once per run, not once per text. */
  run: { history?: Promise<string[][]> } = {},
  limit: number = MAX_RECOMMENDATIONS
): Promise<RecommendedProduct[]> {
  const basket = [...new Set(productIds.filter((id): id is string => !!id))]
  if (!basket.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  run.history ??= query
    .graph({
      entity: "order",
      fields: ["id", "items.product_id"],
      filters: { status: { $ne: "canceled" } },
      pagination: { take: HISTORY_ORDERS, order: { created_at: "DESC" } },
    })
    .then(({ data }) =>
      (data as { items?: { product_id?: string | null }[] | null }[]).map((o) =>
        (o.items ?? []).map((i) => i.product_id).filter((id): id is string => !!id)
      )
    )
  const [history, { data: own }] = await Promise.all([
    run.history,
    query.graph({ entity: "product", fields: ["id", "collection_id"], filters: { id: basket } }),
  ])
  const collections = [...new Set((own as { collection_id?: string | null }[]).map((p) => p.collection_id).filter((id): id is string => !!id))]
  const { data: siblings } = collections.length
    ? await query.graph({
        entity: "product",
        fields: ["id"],
        filters: { collection_id: collections, status: "published" },
        pagination: { take: CANDIDATES + basket.length, order: { created_at: "DESC" } },
      })
    : { data: [] }
  const sameCollection = (siblings as { id: string }[]).map((p) => p.id)

  const candidates = [...new Set([...coPurchaseRanking(basket, history).slice(0, CANDIDATES), ...sameCollection])].filter((id) => !basket.includes(id))
  if (!candidates.length) return []
  const { data: products } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: candidates } })
  const byId = new Map((products as CandidateProduct[]).map((p) => [p.id, p]))
  const available = (id: string) => {
    const product = byId.get(id)
    return !!product && product.status === "published" && (product.variants ?? []).some(variantInStock)
  }
  return rankRecommendations({ basket, history, sameCollection, available, limit }).map((id) => {
    const product = byId.get(id)!
    return { title: product.title ?? "", url: productPageUrl(product.handle, options), image: product.thumbnail ?? null }
  })
}
