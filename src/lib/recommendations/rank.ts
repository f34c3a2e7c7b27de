/**
 * "Bought together": which products to suggest beside an order's or a cart's items, from the store's own
 * order history. Pure (the data is fetched in workflows/utils/recommendations.ts), one pass over the
 * history, so ranking the last few hundred orders costs next to nothing at each text.
 */

/** At most this many products in a text: a short list reads on a phone, and a carousel stays small. */
export const MAX_RECOMMENDATIONS = 3

export type RankInput = {
  /** Product ids of the order or cart being texted about: never suggested back. */
  basket: readonly string[]
  /** Product ids of each recent order, newest first (an order's duplicates count once). */
  history: readonly (readonly string[])[]
  /** Products of the basket's collections, in the store's order: the fallback when history knows too few. */
  sameCollection?: readonly string[]
  /** Whether a product can be bought now (published, a variant in stock); the others are never suggested. */
  available: (productId: string) => boolean
  limit?: number
}

/**
 * Products bought in the same orders as the basket's, most often first: for each order holding any
 * basket product, every other product in it scores one. Ties go to the product seen together most
 * recently (the history is newest first), then to the id, so a ranking never changes from run to run.
 */
export function coPurchaseRanking(basket: readonly string[], history: readonly (readonly string[])[]): string[] {
  const inBasket = new Set(basket)
  const counts = new Map<string, { count: number; firstSeen: number }>()
  history.forEach((order, index) => {
    const products = new Set(order)
    let shared = false
    for (const id of products) if (inBasket.has(id)) shared = true
    if (!shared) return
    for (const id of products) {
      if (inBasket.has(id)) continue
      const seen = counts.get(id)
      if (seen) seen.count++
      else counts.set(id, { count: 1, firstSeen: index })
    }
  })
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || x.firstSeen - y.firstSeen || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id)
}

/**
 * The products to suggest, best first: bought together with the basket (see `coPurchaseRanking`), then,
 * when that gives fewer than `limit`, products of the same collections; never a basket item, never twice,
 * only products that can be bought now.
 */
export function rankRecommendations(input: RankInput): string[] {
  const limit = input.limit ?? MAX_RECOMMENDATIONS
  const inBasket = new Set(input.basket)
  const picked: string[] = []
  const taken = new Set<string>()
  const consider = (id: string) => {
    if (picked.length >= limit || taken.has(id) || inBasket.has(id) || !input.available(id)) return
    taken.add(id)
    picked.push(id)
  }
  for (const id of coPurchaseRanking(input.basket, input.history)) {
    if (picked.length >= limit) break
    consider(id)
  }
  for (const id of input.sameCollection ?? []) {
    if (picked.length >= limit) break
    consider(id)
  }
  return picked
}
