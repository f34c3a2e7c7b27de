import type { httpClient } from "../integration-tests/helpers/app-process"
import { completeCart, fillCart } from "../integration-tests/helpers/storefront"
import { formatPhoneBubble } from "./phone-bubble"

type Http = ReturnType<typeof httpClient>
type Store = { publishable_key: string; region_id: string; variant_id: string; store_name: string }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Asks `read` every 250 ms until it returns something (at most ~30 s), else null. */
async function poll<T>(read: () => Promise<T | null | undefined>): Promise<T | null> {
  for (let i = 0; i < 120; i++) {
    const value = await read()
    if (value) return value
    await pause(250)
  }
  return null
}

/**
 * The offer scene of `npm run demo`: the store picks a promotion for the welcome text; a shopper who
 * opted in signs up and gets the welcome text with a single-use code of their own (a copy of the store's
 * promotion through Medusa's Promotion module, valid 48 h); they use it at checkout and the order is
 * credited to that text. Returns whether each of the two happened.
 */
export async function runOfferScene(http: Http, admin: Record<string, string>, store: Store, step: (text: string) => void): Promise<boolean[]> {
  const storeHeaders = { "x-publishable-api-key": store.publishable_key }
  step("the store gives the welcome text an offer: a single-use code per shopper, valid 48 h, from its WELCOME10 promotion")
  const { promotion } = await http.post(
    "/admin/promotions",
    { code: "WELCOME10", type: "standard", status: "active", is_automatic: false, application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 } },
    admin
  )
  const before = (await http.get("/admin/messaging/automations", admin)).automations.find((a: any) => a.key === "welcome")
  await http.post("/admin/messaging/automations/welcome", { delay_minutes: 0, offer: { promotion_id: promotion.id, valid_hours: 48 } }, admin)

  const phone = "+33 6 45 67 89 10"
  const email = `lea.${Date.now()}@example.com`
  step(`a shopper who opted in at the counter signs up (${phone})`)
  await http.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Demo: opted in at the shop counter" }, admin)
  const { token } = await http.post("/auth/customer/emailpass/register", { email, password: "demo-pass-1234" })
  const { customer } = await http.post("/store/customers", { email, first_name: "Léa", phone }, { ...storeHeaders, authorization: `Bearer ${token}` })

  const welcome = await poll(async () => {
    const { messages } = await http.get(`/admin/messaging/messages?customer_id=${customer.id}&template_key=welcome`, admin)
    return messages[0]?.status === "delivered" ? messages[0] : null
  })
  await http.post("/admin/messaging/automations/welcome", { delay_minutes: before?.delay_minutes ?? 10, offer: null }, admin)
  const code = welcome?.body.match(/\b(WELCOME10-[A-Z0-9]{8})\b/)?.[1]
  if (!welcome || !code) {
    console.log("  ✘ the welcome text with its code was not delivered")
    return [false, false]
  }
  console.log("\n" + formatPhoneBubble(welcome, store.store_name))

  step(`the shopper uses ${code} at checkout; the order is credited to the welcome text`)
  const cart = await fillCart(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })
  await http.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, storeHeaders)
  const order = await completeCart(http, store.publishable_key, cart.id)
  const attribution = await poll(async () => (await http.get(`/admin/messaging/attribution?order_id=${order.id}`, admin)).attribution)
  console.log(
    attribution?.message_id === welcome.id
      ? `  ✔ order #${order.display_id} (${order.total}) used ${code} and is credited to the welcome text ${welcome.id} (touch: ${attribution.touch_type})`
      : `  ✘ order #${order.display_id} was not credited to the welcome text`
  )
  return [true, attribution?.message_id === welcome.id]
}
