import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { createProduct } from "../helpers/catalog"
import { openStoreSession } from "../helpers/store-session"
import { fillCart, placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-browse")
// marketing texts obey quiet hours; this suite runs at any hour
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(240_000)

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
    const checkout = (email: string, phone: string) => ({
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email,
      phone,
    })
    const grantMarketing = (phone: string) =>
      api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Signed up at the shop counter, paper form #12" }, admin)
    const view = (body: Record<string, unknown>) =>
      api.post("/store/messaging/product-views", body, { headers: { "x-publishable-api-key": store.publishable_key } }).catch((e: any) => e.response)
    const run = async () => (await api.post("/admin/messaging/automations/browse_abandonment/run", {}, admin)).data.run
    const texts = async () => (await api.get(`/admin/messaging/messages?template_key=browse_abandonment&limit=50`, admin)).data.messages as any[]
    const cartOf = async (orderId: string) => (await pg().raw(`SELECT cart_id FROM order_cart WHERE order_id = ?`, [orderId])).rows[0].cart_id
    /** The views as if made `hours` ago. */
    const viewedAgo = (hours: number) => pg().raw(`UPDATE sms_rcs_product_view SET viewed_at = now() - (? * interval '1 hour') WHERE settled_at IS NULL`, [hours])

    it("texts a known shopper once about a product viewed and not carted, with consent, never on top of a cart", async () => {
      const product = await createProduct(api, admin, store, { title: "Veste en laine" })
      const other = await createProduct(api, admin, store, { title: "Bonnet" })
      const demoProductId = (await pg().raw(`SELECT product_id FROM product_variant WHERE id = ?`, [store.variant_id])).rows[0].product_id

      // a guest who bought the shirt, and looks at the jacket and the shirt again
      await grantMarketing("+33 6 31 00 10 11")
      const bought = await cartOf((await placeOrder(http, checkout("buyer@example.com", "+33 6 31 00 10 11"))).id)
      expect((await view({ product_id: product.id, cart_id: bought })).status).toBe(202)
      expect((await view({ product_id: demoProductId, cart_id: bought })).status).toBe(202)
      // a shopper whose cart is still open: the cart reminder's job
      await grantMarketing("+33 6 31 00 10 12")
      const open = await fillCart(http, checkout("open@example.com", "+33 6 31 00 10 12"))
      await view({ product_id: product.id, cart_id: open.id })
      // a shopper without marketing consent
      const noConsent = await cartOf((await placeOrder(http, checkout("noconsent@example.com", "+33 6 31 00 10 13"))).id)
      await view({ product_id: product.id, cart_id: noConsent })
      // unknown shoppers and bad input: the same 202 for an unknown cart, 400 for what is not an id
      expect((await view({ product_id: product.id, cart_id: "cart_01UNKNOWN" })).status).toBe(202)
      expect((await view({ product_id: product.id })).status).toBe(202)
      expect((await view({ product_id: "x".repeat(100_000) })).status).toBe(400)
      expect((await view({ product_id: product.id, phone: "+33631001011" })).status).toBe(400)
      const recorded = (await pg().raw(`SELECT phone, product_id FROM sms_rcs_product_view ORDER BY phone, product_id`)).rows
      expect(recorded).toHaveLength(4)

      // not 4 hours yet: nothing
      await viewedAgo(3)
      expect(await run()).toMatchObject({ sent: 0, checked: 0 })
      await viewedAgo(5)
      expect(await run()).toMatchObject({ sent: 1, checked: 4, skipped: { carted: 1, cart_open: 1, no_consent: 1 } })
      const [text] = await waitFor(async () => {
        const found = await texts()
        return found[0]?.status === "delivered" ? found : undefined
      }, { what: "the browse-abandonment text" })
      expect(text).toMatchObject({ to: "+33631001011", purpose: "marketing", metadata: { automation: "browse_abandonment", product_id: product.id } })
      expect(text.body).toContain(`Veste en laine`)
      expect(text.body).toContain(`/products/${product.handle}`)

      // again: nobody twice; a new view within the week is not texted either
      expect(await run()).toMatchObject({ sent: 0 })
      await view({ product_id: other.id, cart_id: bought })
      await viewedAgo(5)
      expect(await run()).toMatchObject({ sent: 0, skipped: { recently_texted: 1 } })
      expect(await texts()).toHaveLength(1)

      const { automations } = (await api.get("/admin/messaging/automations", admin)).data
      expect(automations.find((a: any) => a.key === "browse_abandonment")).toMatchObject({ enabled: true, delay_minutes: 240, max_age_hours: 48, sent_last_30_days: 1 })
    })
  },
})
