import type { SendMessageWorkflowInput } from "../send-message"
import { summarizeItems } from "../../../lib/templates/catalog"

/** What orders and carts share that a message needs: who, where, what, how much. */
export const SHOPPER_FIELDS = [
  "locale",
  "currency_code",
  "total",
  "customer_id",
  "customer.first_name",
  "customer.phone",
  "shipping_address.first_name",
  "shipping_address.phone",
  "shipping_address.country_code",
  "shipping_address.province",
  "billing_address.first_name",
  "billing_address.phone",
  "billing_address.country_code",
  "items.id",
  "items.title",
  "items.product_title",
  "items.quantity",
  "items.product_id",
  "items.product_handle",
]

/** What a message about an order needs from it, fetched with `query.graph`. */
export const ORDER_MESSAGE_FIELDS = ["id", "display_id", "no_notification", ...SHOPPER_FIELDS]

type Address = { first_name?: string | null; phone?: string | null; country_code?: string | null; province?: string | null }

export type OrderForMessage = {
  id: string
  display_id?: number | null
  /** "Don't notify the customer" (e.g. a draft order converted with it): no automated text about the order. */
  no_notification?: boolean | null
  locale?: string | null
  currency_code: string
  total?: unknown
  customer_id?: string | null
  customer?: { first_name?: string | null; phone?: string | null } | null
  shipping_address?: Address | null
  billing_address?: Address | null
  items?: { title?: string | null; product_title?: string | null; quantity?: unknown; product_id?: string | null; product_handle?: string | null }[] | null
}

/** The items of an order or cart as templates list them. */
export function itemVariables(items: { title?: string | null; product_title?: string | null; quantity?: unknown }[] | null | undefined) {
  const list = (items ?? []).map((item) => ({ title: item.product_title || item.title || "", quantity: Number(item.quantity ?? 1) }))
  return {
    items: list,
    items_count: list.reduce((sum, item) => sum + item.quantity, 0),
    items_summary: summarizeItems(list),
  }
}

/**
 * The shopper's phone, in order of preference: the shipping address (where the parcel goes), the
 * billing address, then the customer account. The country of the address reads a national number.
 */
export function pickOrderPhone(order: OrderForMessage): {
  phone: string | null
  country_code: string | null
  province: string | null
} {
  const shipping = order.shipping_address
  const billing = order.billing_address
  const shippingPlace = { country_code: shipping?.country_code ?? null, province: shipping?.province ?? null }
  const billingPlace = billing?.country_code
    ? { country_code: billing.country_code, province: billing.province ?? null }
    : shippingPlace
  for (const [phone, place] of [
    [shipping?.phone, shippingPlace],
    [billing?.phone, billingPlace],
    [order.customer?.phone, shippingPlace],
  ] as const) {
    if (phone?.trim()) {
      return { phone: phone.trim(), ...place }
    }
  }
  return { phone: null, ...shippingPlace }
}

/** The shopper's first name: the account's, else the shipping address's, else the billing address's. */
export function shopperFirstName(order: Pick<OrderForMessage, "customer" | "shipping_address" | "billing_address">) {
  return order.customer?.first_name || order.shipping_address?.first_name || order.billing_address?.first_name || null
}

/** Why a text about an order created with "don't notify the customer" was not sent. */
export const ORDER_NO_NOTIFICATION = "no_notification: the order was created with \"don't notify the customer\""

export function buildOrderMessageInput(
  order: OrderForMessage,
  input: {
    template_key: string
    idempotency_key: string
    variables?: Record<string, unknown>
    delay_minutes?: number
    metadata?: Record<string, unknown> | null
    /**
     * Whether the text is about this order (confirmation, shipping, refund …: the default), so that the
     * order's `no_notification` stops it; false for a text that only borrows the order's details (win-back).
     */
    about_order?: boolean
  }
): SendMessageWorkflowInput {
  const { phone, country_code, province } = pickOrderPhone(order)
  const firstName = shopperFirstName(order)
  const silenced = order.no_notification === true && input.about_order !== false
  return {
    ...(silenced ? { skip_reason: ORDER_NO_NOTIFICATION } : {}),
    template_key: input.template_key,
    idempotency_key: input.idempotency_key,
    phone,
    country_code,
    province,
    locale: order.locale ?? null,
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    delay_minutes: input.delay_minutes,
    metadata: input.metadata ?? null,
    variables: {
      customer_first_name: firstName,
      order_display_id: order.display_id ?? order.id,
      order_total: { amount: Number(order.total ?? 0), currency_code: order.currency_code },
      ...itemVariables(order.items),
      ...input.variables,
    },
  }
}

