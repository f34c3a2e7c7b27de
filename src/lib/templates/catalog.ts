/**
 * The variables templates may use, per kind of event. Every name here is documented in the README
 * ("Templates"); saving a template that uses any other name is refused, so a typo never reaches a
 * shopper as an empty gap.
 */

/** Available in every template. */
export const COMMON_VARIABLES = ["store_name", "storefront_url", "help_contact", "message_frequency"] as const

/** Fields of each entry of `items`, for `{{#items}}{{title}} x{{quantity}}{{/items}}`. */
export const ITEM_FIELDS = ["title", "quantity"] as const

export const ORDER_VARIABLES = [
  "customer_first_name",
  "order_display_id",
  "order_total",
  "items",
  "items_count",
  "items_summary",
] as const

export const FULFILLMENT_VARIABLES = [...ORDER_VARIABLES, "tracking_number", "tracking_url"] as const

export const REFUND_VARIABLES = [...ORDER_VARIABLES, "refund_amount"] as const

export const CART_VARIABLES = [
  "customer_first_name",
  "cart_total",
  "cart_recovery_url",
  "items",
  "items_count",
  "items_summary",
  "recommendations",
] as const

export const CUSTOMER_VARIABLES = ["customer_first_name"] as const

/**
 * A single-use code copied from the promotion the automation offers, and when it ends (README, "Offer
 * codes"). Created only when the text is about to be sent; empty placeholders never reach a shopper.
 */
export const OFFER_VARIABLES = ["offer_code", "offer_expires"] as const

/**
 * A review request some days after delivery: the page to review the order on, and products bought with
 * it (`{{recommendations}}`: "Title - link" a line in a text, a carousel on RCS).
 */
export const REVIEW_VARIABLES = [...ORDER_VARIABLES, "review_url", "recommendations"] as const

/** A browse-abandonment text: the product the shopper looked at and did not cart. */
export const BROWSE_VARIABLES = ["customer_first_name", "product_title", "product_url"] as const

/** A back-in-stock alert: the variant asked for and its product page (a tracked link). */
export const BACK_IN_STOCK_VARIABLES = ["product_title", "variant_title", "product_url"] as const

/** A price-drop text: the variant that got cheaper, its price before and now (money, formatted per locale), its page. */
export const PRICE_DROP_VARIABLES = ["product_title", "variant_title", "old_price", "new_price", "product_url"] as const

/**
 * What a campaign's text may use: the customer's names as templates call them, and the common ones. The
 * campaign builder's variable picker reads this list, as the template editor reads the lists above.
 */
export const CAMPAIGN_VARIABLES = [...CUSTOMER_VARIABLES, "customer_last_name", "customer_name", ...COMMON_VARIABLES] as const

/**
 * Names campaigns used before they took the templates' vocabulary: still filled in, so a campaign saved
 * with `{{first_name}}` reads the same, but the builder offers only the names above.
 */
export const CAMPAIGN_VARIABLE_ALIASES: Readonly<Record<string, (typeof CAMPAIGN_VARIABLES)[number]>> = {
  first_name: "customer_first_name",
  last_name: "customer_last_name",
}

/** Values the template editor's preview and test sends fill in. */
export const SAMPLE_VARIABLES: Record<string, unknown> = {
  store_name: "Maison Demo",
  storefront_url: "https://shop.example.com",
  help_contact: "help@example.com",
  message_frequency: "Msg frequency varies",
  customer_first_name: "Camille",
  offer_code: "WELCOME10-7KQ2M9XP",
  offer_expires: "5 Dec, 18:00",
  order_display_id: 1042,
  order_total: { amount: 54.9, currency_code: "eur" },
  cart_total: { amount: 54.9, currency_code: "eur" },
  refund_amount: { amount: 19.9, currency_code: "eur" },
  items: [
    { title: "Linen shirt", quantity: 1 },
    { title: "Canvas tote", quantity: 2 },
  ],
  items_count: 3,
  items_summary: "Linen shirt, Canvas tote x2",
  tracking_number: "1Z999AA10123456784",
  tracking_url: "https://track.example.com/1Z999AA10123456784",
  cart_recovery_url: "https://shop.example.com/cart?cart_id=cart_01DEMO",
  days_since_last_order: 95,
  product_title: "Linen shirt",
  variant_title: "M",
  product_url: "https://shop.example.com/products/linen-shirt",
  old_price: { amount: 79, currency_code: "eur" },
  new_price: { amount: 59, currency_code: "eur" },
  review_url: "https://shop.example.com/products/linen-shirt#reviews",
  recommendations: "Canvas tote - https://shop.example.com/products/canvas-tote\nLinen trousers - https://shop.example.com/products/linen-trousers",
  stopped_all: false,
  event: { id: "evt_01DEMO" },
}

/** "Linen shirt, Canvas tote x2": the items of an order or cart in a few words. */
export function summarizeItems(items: { title?: string | null; quantity?: unknown }[] | null | undefined, max = 3): string {
  const list = (items ?? []).filter((item) => item.title)
  const shown = list.slice(0, max).map((item) => {
    const quantity = Number(item.quantity ?? 1)
    return quantity > 1 ? `${item.title} x${quantity}` : String(item.title)
  })
  const more = list.length - shown.length
  return more > 0 ? `${shown.join(", ")} +${more}` : shown.join(", ")
}
