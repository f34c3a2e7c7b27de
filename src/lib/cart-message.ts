import type { SendMessageWorkflowInput } from "../workflows/send-message"
import { itemVariables, pickOrderPhone, type OrderForMessage } from "./order-message"

/** What a message about a cart needs from it, fetched with `query.graph`. */
export const CART_MESSAGE_FIELDS = [
  "id",
  "completed_at",
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
]

export type CartForMessage = Omit<OrderForMessage, "display_id"> & { completed_at?: string | Date | null }

/** Where the shopper picks the cart up again: the `cartRecoveryUrl` pattern, or the storefront's cart page. */
export function cartRecoveryUrl(cartId: string, options: { cartRecoveryUrl?: string; storefrontUrl?: string }): string | null {
  if (options.cartRecoveryUrl) {
    return options.cartRecoveryUrl.replace("{cart_id}", encodeURIComponent(cartId))
  }
  if (options.storefrontUrl) {
    return `${options.storefrontUrl.replace(/\/+$/, "")}/cart?cart_id=${encodeURIComponent(cartId)}`
  }
  return null
}

/** The cart's phone, in the order's order of preference (shipping address, billing, account). */
export function pickCartPhone(cart: CartForMessage) {
  return pickOrderPhone(cart as OrderForMessage)
}

export function buildCartMessageInput(
  cart: CartForMessage,
  input: Pick<SendMessageWorkflowInput, "template_key" | "idempotency_key" | "purpose" | "delay_minutes" | "metadata"> & {
    variables?: Record<string, unknown>
    recovery_url?: string | null
  }
): SendMessageWorkflowInput {
  const { phone, country_code, province } = pickCartPhone(cart)
  const firstName =
    cart.customer?.first_name || cart.shipping_address?.first_name || cart.billing_address?.first_name || null
  const { recovery_url, variables, ...rest } = input
  return {
    ...rest,
    phone,
    country_code,
    province,
    locale: cart.locale ?? null,
    cart_id: cart.id,
    customer_id: cart.customer_id ?? null,
    variables: {
      customer_first_name: firstName,
      cart_total: { amount: Number(cart.total ?? 0), currency_code: cart.currency_code },
      cart_recovery_url: recovery_url ?? null,
      ...itemVariables(cart.items),
      ...variables,
    },
  }
}
