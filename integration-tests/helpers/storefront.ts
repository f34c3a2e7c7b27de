/**
 * A shopper's checkout through Medusa's store API, as a storefront does it. `Http` is whatever client
 * the caller has (the test runner's axios, or fetch in the demo).
 */
export type Http = {
  get<T = any>(path: string, headers: Record<string, string>): Promise<T>
  post<T = any>(path: string, body: unknown, headers: Record<string, string>): Promise<T>
}

export type CheckoutInput = {
  publishable_key: string
  region_id: string
  variant_id: string
  email: string
  customer?: { first_name?: string; last_name?: string }
  /** Phone as the shopper types it on the shipping address (null: none). */
  phone: string | null
  country_code?: string
  /** Cart metadata, e.g. the SMS opt-in ticked at checkout (`sms_opt_in`). */
  metadata?: Record<string, unknown>
}

/** A cart with one item, addresses and a shipping method, ready to complete (or to abandon). */
export async function fillCart(http: Http, input: CheckoutInput): Promise<{ id: string }> {
  const headers = { "x-publishable-api-key": input.publishable_key }
  const { cart } = await http.post("/store/carts", { region_id: input.region_id, email: input.email }, headers)

  await http.post(`/store/carts/${cart.id}/line-items`, { variant_id: input.variant_id, quantity: 1 }, headers)

  const address = {
    first_name: input.customer?.first_name ?? "Camille",
    last_name: input.customer?.last_name ?? "Martin",
    address_1: "12 rue des Lilas",
    city: "Lyon",
    postal_code: "69001",
    country_code: input.country_code ?? "fr",
    ...(input.phone !== null ? { phone: input.phone } : {}),
  }
  await http.post(
    `/store/carts/${cart.id}`,
    { shipping_address: address, billing_address: address, ...(input.metadata ? { metadata: input.metadata } : {}) },
    headers
  )

  const { shipping_options } = await http.get(`/store/shipping-options?cart_id=${cart.id}`, headers)
  if (!shipping_options?.length) {
    throw new Error("The store offers no shipping option for this cart")
  }
  await http.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, headers)
  return { id: cart.id }
}

export async function placeOrder(http: Http, input: CheckoutInput): Promise<{ id: string; display_id: number; total: number }> {
  const cart = await fillCart(http, input)
  return completeCart(http, input.publishable_key, cart.id)
}

/** Pays a filled cart with the system payment provider and completes it into an order. */
export async function completeCart(
  http: Http,
  publishableKey: string,
  cartId: string
): Promise<{ id: string; display_id: number; total: number }> {
  const headers = { "x-publishable-api-key": publishableKey }
  const { payment_collection } = await http.post("/store/payment-collections", { cart_id: cartId }, headers)
  await http.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const completed = await http.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (completed.type !== "order") {
    throw new Error(`Cart completion failed: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return completed.order
}
