import type { SendMessageWorkflowInput } from "../workflows/send-message"

/** What a message about an order needs from it, fetched with `query.graph`. */
export const ORDER_MESSAGE_FIELDS = [
  "id",
  "display_id",
  "locale",
  "currency_code",
  "total",
  "customer_id",
  "customer.first_name",
  "customer.phone",
  "shipping_address.first_name",
  "shipping_address.phone",
  "shipping_address.country_code",
  "billing_address.first_name",
  "billing_address.phone",
  "billing_address.country_code",
  "items.id",
]

export type OrderForMessage = {
  id: string
  display_id?: number | null
  locale?: string | null
  currency_code: string
  total?: unknown
  customer_id?: string | null
  customer?: { first_name?: string | null; phone?: string | null } | null
  shipping_address?: { first_name?: string | null; phone?: string | null; country_code?: string | null } | null
  billing_address?: { first_name?: string | null; phone?: string | null; country_code?: string | null } | null
  items?: unknown[] | null
}

/**
 * The shopper's phone, in order of preference: the shipping address (where the parcel goes), the
 * billing address, then the customer account. The country of the address reads a national number.
 */
export function pickOrderPhone(order: OrderForMessage): { phone: string | null; country_code: string | null } {
  const shippingCountry = order.shipping_address?.country_code ?? null
  for (const [phone, country] of [
    [order.shipping_address?.phone, shippingCountry],
    [order.billing_address?.phone, order.billing_address?.country_code ?? shippingCountry],
    [order.customer?.phone, shippingCountry],
  ] as const) {
    if (phone?.trim()) {
      return { phone: phone.trim(), country_code: country }
    }
  }
  return { phone: null, country_code: shippingCountry }
}

export function buildOrderMessageInput(
  order: OrderForMessage,
  input: { template_key: string; idempotency_key: string }
): SendMessageWorkflowInput {
  const { phone, country_code } = pickOrderPhone(order)
  const firstName =
    order.customer?.first_name || order.shipping_address?.first_name || order.billing_address?.first_name || null
  return {
    template_key: input.template_key,
    idempotency_key: input.idempotency_key,
    phone,
    country_code,
    locale: order.locale ?? null,
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    variables: {
      customer_first_name: firstName,
      order_display_id: order.display_id ?? order.id,
      order_total: { amount: Number(order.total ?? 0), currency_code: order.currency_code },
      items_count: order.items?.length ?? 0,
    },
  }
}

