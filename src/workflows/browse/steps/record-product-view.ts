import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { CART_MESSAGE_FIELDS, pickCartPhone, type CartForMessage } from "../../messages/utils/cart-message"

export type RecordProductViewInput = {
  product_id: string
  /** The logged-in customer, if any. */
  customer_id?: string | null
  /** The shopper's own cart (the storefront keeps its id), to know a guest's phone. */
  cart_id?: string | null
}

/** Why a view was not recorded; said to nobody but the logs' reader (the route answers the same either way). */
export type ProductViewOutcome = { recorded: boolean; reason?: "unknown_product" | "unknown_shopper" | "no_phone" | "not_their_cart" }

/**
 * Records a product view of a known shopper: the logged-in customer (their account's phone, else the phone
 * of their newest cart given), or a guest through the cart they hold (its addresses' phone). A cart of a
 * registered customer counts only for that customer logged in, so a cart id alone never ties views to
 * someone's account. Only published products count.
 */
export const recordProductViewStep = createStep("sms-rcs-record-product-view", async (input: RecordProductViewInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const miss = (reason: ProductViewOutcome["reason"]) => new StepResponse<ProductViewOutcome>({ recorded: false, reason })

  const { data: products } = await query.graph({ entity: "product", fields: ["id", "status"], filters: { id: input.product_id } })
  if (!products.length || (products[0] as { status?: string }).status !== "published") return miss("unknown_product")

  let found: { phone: string | null; country_code: string | null; locale: string | null } | null = null
  if (input.cart_id) {
    const { data } = await query.graph({ entity: "cart", fields: [...CART_MESSAGE_FIELDS, "customer.has_account"], filters: { id: input.cart_id } })
    const cart = data[0] as (CartForMessage & { customer?: { has_account?: boolean } | null }) | undefined
    if (!cart) return miss("unknown_shopper")
    if (cart.customer?.has_account && cart.customer_id !== input.customer_id) return miss("not_their_cart")
    const picked = pickCartPhone(cart)
    found = { phone: picked.phone, country_code: picked.country_code, locale: cart.locale ?? null }
  }
  if (!found?.phone && input.customer_id) {
    const { data } = await query.graph({ entity: "customer", fields: ["phone"], filters: { id: input.customer_id } })
    found = { phone: (data[0] as { phone?: string | null } | undefined)?.phone ?? null, country_code: found?.country_code ?? null, locale: found?.locale ?? null }
  }
  if (!found) return miss("unknown_shopper")
  const phone = checkPhone(found.phone, {
    defaultCountry: found.country_code ?? options.defaultCountry,
    allowedCountries: options.allowedCountries,
  })
  if (!phone.ok) return miss("no_phone")
  await messaging.productViews.record({
    phone: phone.e164,
    country_code: found.country_code,
    product_id: input.product_id,
    customer_id: input.customer_id ?? null,
    cart_id: input.cart_id ?? null,
    locale: found.locale,
  })
  return new StepResponse<ProductViewOutcome>({ recorded: true })
})
