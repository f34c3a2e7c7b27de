import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { createProduct } from "../helpers/catalog"
import { openStoreSession } from "../helpers/store-session"
import { fillCart, placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-price-drop")
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
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const checkout = (variantId: string, email: string, phone: string) => ({
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: variantId,
      email,
      phone,
    })
    const grantMarketing = (phone: string) =>
      api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Signed up at the shop counter, paper form #12" }, admin)
    const texts = async () =>
      ((await api.get(`/admin/messaging/messages?template_key=price_drop&limit=50`, admin)).data.messages as any[]).sort((a, b) => (a.to < b.to ? -1 : 1))
    const run = async () => (await api.post("/admin/messaging/automations/price_drop/run", {}, admin)).data.run
    /** The price the plugin last saw for a variant in euros, once the events of a change were handled. */
    const seenPrice = (variantId: string, amount: number) =>
      waitFor(async () => {
        const row = (await pg().raw(`SELECT amount, drop_settled_at, dropped_at FROM sms_rcs_variant_price WHERE variant_id = ? AND currency_code = 'eur'`, [variantId])).rows[0]
        return row && Number(row.amount) === amount && (!row.dropped_at || row.drop_settled_at) ? row : undefined
      }, { what: `the price ${amount} seen for ${variantId}` })
    /** A price change as the admin's product page saves it. */
    const setPrice = (productId: string, variantId: string, amount: number) =>
      api.post(`/admin/products/${productId}/variants/${variantId}`, { prices: [{ amount, currency_code: "eur" }] }, admin)

    it("texts the shoppers who carted or asked for a variant once when its price drops by 10 % or more, at most once a week", async () => {
      const jacket = await createProduct(api, admin, store, { title: "Veste en laine" })
      const scarf = await createProduct(api, admin, store, { title: "Echarpe" })
      const [jacketVariant, scarfVariant] = [jacket.variants[0].id, scarf.variants[0].id]
      // the product's creation gave the first prices: the baseline, nobody texted
      await seenPrice(jacketVariant, 79)
      await seenPrice(scarfVariant, 79)

      // carted the jacket, with marketing consent: told
      await grantMarketing("+33 6 41 00 10 11")
      await fillCart(http, checkout(jacketVariant, "carted@example.com", "+33 6 41 00 10 11"))
      // carted the jacket without marketing consent: not told
      await fillCart(http, checkout(jacketVariant, "noconsent@example.com", "+33 6 41 00 10 12"))
      // bought the jacket: not told it is cheaper now
      await grantMarketing("+33 6 41 00 10 13")
      await placeOrder(http, checkout(jacketVariant, "bought@example.com", "+33 6 41 00 10 13"))
      // asked to be told when the jacket is back, and opted in to marketing: told, in French
      await grantMarketing("+33 6 41 00 10 14")
      const { wording } = (await api.get("/store/messaging/back-in-stock?locale=fr", storeHeaders())).data
      await api.post("/store/messaging/back-in-stock", { phone: "+33 6 41 00 10 14", variant_id: jacketVariant, locale: "fr", wording_version: wording.version }, storeHeaders())
      // asked for the jacket, without marketing consent (the request is consent for the back-in-stock alert only): not told
      await api.post("/store/messaging/back-in-stock", { phone: "+33 6 41 00 10 15", variant_id: jacketVariant, wording_version: wording.version }, storeHeaders())
      // carted the scarf, with consent
      await grantMarketing("+33 6 41 00 10 16")
      await fillCart(http, checkout(scarfVariant, "scarf@example.com", "+33 6 41 00 10 16"))

      // a 5 % drop of the scarf: no text
      await setPrice(scarf.id, scarfVariant, 75.05)
      await seenPrice(scarfVariant, 75.05)

      // the jacket from 79 to 59 € in the admin: one text to each of the two
      await setPrice(jacket.id, jacketVariant, 59)
      const sent = await waitFor(async () => {
        const found = await texts()
        return found.length === 2 && found.every((m) => m.status === "delivered") ? found : undefined
      }, { what: "the two price-drop texts" })
      expect(sent.map((m) => m.to)).toEqual(["+33641001011", "+33641001014"])
      expect(sent[0]).toMatchObject({ purpose: "marketing", metadata: { automation: "price_drop", variant_id: jacketVariant, old_amount: 79, new_amount: 59 } })
      expect(sent[0].body).toContain("Maison Demo: Veste en laine (L) is now €59.00 instead of €79.00.")
      expect(sent[1].body).toContain("Maison Demo : Veste en laine (L) passe à 59,00 € au lieu de 79,00 €.")
      expect(sent[0].links?.[0]?.url ?? sent[0].body).toContain(`/products/${jacket.handle}`)
      const firstDrop = await seenPrice(jacketVariant, 59)

      // the sweep again: nobody twice, the 5 % drop still nothing
      expect(await run()).toMatchObject({ sent: 0, drops: 0 })

      // a second drop within the week (59 to 40 €): nobody is texted again
      await setPrice(jacket.id, jacketVariant, 40)
      const secondDrop = await seenPrice(jacketVariant, 40)
      expect(new Date(secondDrop.dropped_at).getTime()).toBeGreaterThan(new Date(firstDrop.dropped_at).getTime())
      expect(await run()).toMatchObject({ sent: 0 })
      expect(await texts()).toHaveLength(2)
      const scarfTexts = (await texts()).filter((m) => m.to === "+33641001016")
      expect(scarfTexts).toEqual([])

      // figures on the Automations page
      const { automations } = (await api.get("/admin/messaging/automations", admin)).data
      expect(automations.find((a: any) => a.key === "price_drop")).toMatchObject({ enabled: true, delay_minutes: 0, period_days: 30, sent_last_30_days: 2 })
    })
  },
})
