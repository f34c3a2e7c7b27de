import type { SendMessageWorkflowInput } from "../send-message"
import { itemVariables, pickOrderPhone, shopperFirstName, SHOPPER_FIELDS, type OrderForMessage } from "./order-message"

/** What a message about a cart needs from it, fetched with `query.graph`. */
export const CART_MESSAGE_FIELDS = ["id", "completed_at", ...SHOPPER_FIELDS]

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
  const firstName = shopperFirstName(cart)
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
