import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { createProduct } from "../helpers/catalog"
import { openStoreSession } from "../helpers/store-session"
import { completeCart, fillCart, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-review")
// marketing texts obey quiet hours; this suite runs at any hour
process.env.SMS_RCS_QUIET_HOURS = "off"
process.env.SMS_RCS_REVIEW_URL = "https://reviews.example.com/orders/{order_id}"
jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    const pg = () => getContainer().resolve("__pg_connection__")
    const headers = () => ({ "x-publishable-api-key": store.publishable_key })
    const grantMarketing = (phone: string) =>
      api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Signed up at the shop counter, paper form #12" }, admin)
    /** An order of the demo shirt and these other variants, through the storefront. */
    const order = async (email: string, phone: string, others: string[] = []) => {
      const cart = await fillCart(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })
      for (const variant_id of others) await http.post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 }, headers())
      return completeCart(http, store.publishable_key, cart.id)
    }
    const deliver = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity ?? 1 }))
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
      const { data: fulfilled } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, admin)
      const fulfillmentId = fulfilled.order.fulfillments[0].id as string
      await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      return fulfillmentId
    }
    /** The delivery as if made `days` ago. */
    const deliveredAgo = (fulfillmentId: string, days: number) =>
      pg().raw(`UPDATE fulfillment SET delivered_at = now() - (? * interval '1 day') WHERE id = ?`, [days, fulfillmentId])
    const run = async () => (await api.post("/admin/messaging/automations/review_request/run", {}, admin)).data.run
    const texts = async () => (await api.get(`/admin/messaging/messages?template_key=review_request&limit=50`, admin)).data.messages as any[]

    it("asks for a review once, 7 days after delivery, with the products bought with theirs and in stock", async () => {
      const tote = await createProduct(api, admin, store, { title: "Sac en toile" })
      const belt = await createProduct(api, admin, store, { title: "Ceinture cuir" })
      const scarf = await createProduct(api, admin, store, { title: "Foulard soie" })
      // bought with the shirt most of all, but sold out (inventory managed, no stock): never suggested
      const soldOut = await createProduct(api, admin, store, { title: "Chapeau paille", manage_inventory: true })
      // bought, but never with the shirt
      const socks = await createProduct(api, admin, store, { title: "Chaussettes" })
      const variant = (p: { variants: { id: string }[] }) => p.variants[0].id

      // the store's history: the shirt with the tote three times, with the belt once, with the scarf once (longer ago)
      await order("h1@example.com", "+33 6 41 00 00 01", [variant(scarf)])
      await order("h2@example.com", "+33 6 41 00 00 02", [variant(tote), variant(belt)])
      await order("h3@example.com", "+33 6 41 00 00 03", [variant(tote)])
      await order("h4@example.com", "+33 6 41 00 00 04", [variant(tote)])
      // the sold-out hat was carted and bought before it ran out: bought with the shirt three times
      await pg().raw(`UPDATE product_variant SET manage_inventory = false WHERE id = ?`, [variant(soldOut)])
      for (const n of [5, 6, 7]) await order(`h${n}@example.com`, `+33 6 41 00 00 0${n}`, [variant(soldOut)])
      await pg().raw(`UPDATE product_variant SET manage_inventory = true WHERE id = ?`, [variant(soldOut)])
      await order("h8@example.com", "+33 6 41 00 00 08", [])
      const socksOnly = await fillCart(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: variant(socks), email: "h9@example.com", phone: "+33 6 41 00 00 09" })
      await completeCart(http, store.publishable_key, socksOnly.id)

      // the customer: a shirt, delivered, with marketing consent; another without consent
      await grantMarketing("+33 6 41 00 00 10")
      const placed = await order("camille@example.com", "+33 6 41 00 00 10")
      const fulfillmentId = await deliver(placed.id)
      const quiet = await order("quiet@example.com", "+33 6 41 00 00 11")
      const quietFulfillment = await deliver(quiet.id)

      // delivered today: not yet
      expect(await run()).toMatchObject({ sent: 0, due: 0 })
      await deliveredAgo(fulfillmentId, 6)
      expect(await run()).toMatchObject({ sent: 0, due: 0 })
      await deliveredAgo(fulfillmentId, 8)
      await deliveredAgo(quietFulfillment, 8)
      expect(await run()).toMatchObject({ sent: 1, due: 2, skipped: { no_consent: 1 } })

      const [text] = await waitFor(async () => {
        const found = await texts()
        return found[0]?.status === "delivered" ? found : undefined
      }, { what: "the review request" })
      expect(text).toMatchObject({ to: "+33641000010", purpose: "marketing", order_id: placed.id, metadata: { automation: "review_request", recommended: 3 } })
      expect(text.body).toContain(`https://reviews.example.com/orders/${placed.id}`)
      // tote (3), then belt and scarf (1 each: the belt was bought with it more recently); the hat is sold out,
      // the socks never went with the shirt
      const lines = (text.body as string).split("\n")
      expect(lines.filter((l) => l.includes(" - http://localhost:8000/products/"))).toEqual([
        `Sac en toile - http://localhost:8000/products/${tote.handle}`,
        `Ceinture cuir - http://localhost:8000/products/${belt.handle}`,
        `Foulard soie - http://localhost:8000/products/${scarf.handle}`,
      ])
      expect(text.body).not.toContain("Chapeau paille")
      expect(text.body).not.toContain("Chaussettes")
      expect(text.body).not.toContain("Chemise en lin -")

      // again: nobody twice
      expect(await run()).toMatchObject({ sent: 0 })
      expect(await texts()).toHaveLength(1)
      const { automations } = (await api.get("/admin/messaging/automations", admin)).data
      expect(automations.find((a: any) => a.key === "review_request")).toMatchObject({ enabled: true, period_days: 7, purpose: "marketing", sent_last_30_days: 1 })
    })
  },
})
