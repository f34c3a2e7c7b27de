/**
 * Back-in-stock alerts: the wording a storefront shows next to the "tell me" form (the request is the
 * shopper's consent for that one alert, so the words are kept as its proof), whether a variant can be
 * bought again, and the product's link.
 */

/** Bump the version whenever a wording changes: a request records the version the shopper saw. */
export const BACK_IN_STOCK_WORDING = {
  version: "2026-12-02",
  texts: {
    en: "Text me once when this item is back in stock. One message, no other texts; reply STOP to cancel. Msg & data rates may apply.",
    fr: "Prévenez-moi par SMS, une seule fois, quand cet article est de retour. Un seul message, rien d’autre ; répondez STOP pour annuler.",
  },
} as const

export type BackInStockLocale = keyof typeof BACK_IN_STOCK_WORDING.texts

/** The wording for a locale ("fr-FR" reads French), English otherwise. */
export function backInStockWording(locale: string | null | undefined): { locale: BackInStockLocale; text: string; version: string } {
  const language = (locale ?? "").slice(0, 2).toLowerCase()
  const key: BackInStockLocale = language in BACK_IN_STOCK_WORDING.texts ? (language as BackInStockLocale) : "en"
  return { locale: key, text: BACK_IN_STOCK_WORDING.texts[key], version: BACK_IN_STOCK_WORDING.version }
}

export type VariantStock = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?:
    | {
        required_quantity?: number | null
        inventory?: { location_levels?: { stocked_quantity?: number | null; reserved_quantity?: number | null }[] | null } | null
      }[]
    | null
}

/**
 * Can one unit of the variant be bought? A variant without inventory management, or sold on backorder,
 * always can; otherwise each of its inventory items must have, over all locations, stock not reserved for
 * at least its required quantity (a bundle needs every part).
 */
export function variantInStock(variant: VariantStock): boolean {
  if (variant.manage_inventory === false || variant.allow_backorder) return true
  const items = variant.inventory_items ?? []
  if (!items.length) return false
  return items.every((item) => {
    const available = (item.inventory?.location_levels ?? []).reduce(
      (sum, level) => sum + Math.max(0, Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0)),
      0
    )
    return available >= Math.max(1, Number(item.required_quantity ?? 1))
  })
}

/** The product's page: the `productUrl` pattern, or the storefront's `/products/{handle}`. */
export function productPageUrl(handle: string | null | undefined, options: { productUrl?: string; storefrontUrl?: string }): string | null {
  if (!handle) return null
  if (options.productUrl) return options.productUrl.replace("{handle}", encodeURIComponent(handle))
  if (options.storefrontUrl) return `${options.storefrontUrl.replace(/\/+$/, "")}/products/${encodeURIComponent(handle)}`
  return null
}
