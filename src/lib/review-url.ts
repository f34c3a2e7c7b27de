import { productPageUrl } from "./back-in-stock"

/**
 * Where a review request sends the shopper: the `reviewUrl` pattern (`{order_id}`, `{handle}` of the
 * order's first product), else that product's page (`productUrl`, else `{storefrontUrl}/products/{handle}`).
 * A `{handle}` pattern for an order whose products have no handle left falls back the same way.
 */
export function reviewPageUrl(
  order: { id: string; handle: string | null | undefined },
  options: { reviewUrl?: string; productUrl?: string; storefrontUrl?: string }
): string | null {
  if (options.reviewUrl && (order.handle || !options.reviewUrl.includes("{handle}"))) {
    return options.reviewUrl.replace("{order_id}", encodeURIComponent(order.id)).replace("{handle}", encodeURIComponent(order.handle ?? ""))
  }
  return productPageUrl(order.handle, options)
}
