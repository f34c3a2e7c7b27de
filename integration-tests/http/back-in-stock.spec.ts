import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { createProduct } from "../helpers/catalog"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-back-in-stock")
// the alert obeys quiet hours like any marketing text; this suite runs at any hour
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ store, admin } = await openStoreSession(api, getContainer()))
    })

    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const ask = (body: Record<string, unknown>) =>
      api.post("/store/messaging/back-in-stock", body, storeHeaders()).catch((e: any) => e.response)
    const alerts = async () =>
      ((await api.get(`/admin/messaging/messages?template_key=back_in_stock&limit=50`, admin)).data.messages as any[]).sort(
        (a, b) => (a.created_at < b.created_at ? -1 : 1)
      )
    const run = async () => (await api.post("/admin/messaging/automations/back_in_stock/run", {}, admin)).data.run

    /** A product whose one variant's stock is managed, with no stock yet at the store's location. */
    const soldOutProduct = async () => {
      const pg = getContainer().resolve("__pg_connection__")
      const [{ id: locationId }] = (await api.get("/admin/stock-locations", admin)).data.stock_locations
      const product = await createProduct(api, admin, store, { title: "Pull marin", manage_inventory: true })
      const variant = product.variants[0]
      const itemId = (
        await pg.raw(`SELECT inventory_item_id FROM product_variant_inventory_item WHERE variant_id = ? AND deleted_at IS NULL`, [variant.id])
      ).rows[0].inventory_item_id
      await api.post(`/admin/inventory-items/${itemId}/location-levels`, { location_id: locationId, stocked_quantity: 0 }, admin)
      return { product, variant, itemId, locationId }
    }

    it("shows the wording, records one request per number and variant, and texts each requester once when the stock is back", async () => {
      const { product, variant, itemId, locationId } = await soldOutProduct()

      const en = (await api.get("/store/messaging/back-in-stock", storeHeaders())).data.wording
      const fr = (await api.get("/store/messaging/back-in-stock?locale=fr-FR", storeHeaders())).data.wording
      expect(en).toMatchObject({ locale: "en", version: expect.any(String) })
      expect(en.text).toContain("once")
      expect(fr).toMatchObject({ locale: "fr", version: en.version })
      expect(fr.text).toContain("une seule fois")

      // refused: an old wording, an unknown variant, a number that is not one, a stranger's extra field
      expect((await ask({ phone: "+33 6 21 00 10 11", variant_id: variant.id, wording_version: "1999-01-01" })).status).toBe(409)
      expect((await ask({ phone: "+33 6 21 00 10 11", variant_id: "variant_01NOPE", wording_version: en.version })).status).toBe(404)
      expect((await ask({ phone: "12", variant_id: variant.id, wording_version: en.version })).status).toBe(400)
      expect((await ask({ phone: "+33 6 21 00 10 11", variant_id: variant.id, wording_version: en.version, purpose: "x" })).status).toBe(400)
      expect(
        (await api.post("/store/messaging/back-in-stock", { phone: "+33621001011", variant_id: variant.id, wording_version: en.version }).catch((e: any) => e.response)).status
      ).toBe(400)

      // the first requester never opted in to marketing: the request is its own consent for this alert
      const first = await ask({ phone: "06 21 00 10 11", country_code: "FR", variant_id: variant.id, locale: "fr", wording_version: fr.version })
      expect(first.status).toBe(201)
      expect(first.data.back_in_stock_request).toMatchObject({ phone: "+33621001011", variant_id: variant.id, status: "waiting" })
      const second = await ask({ phone: "+33 6 21 00 10 12", variant_id: variant.id, locale: "en", wording_version: en.version })
      expect(second.status).toBe(201)
      const again = await ask({ phone: "+33621001011", variant_id: variant.id, locale: "fr", wording_version: fr.version })
      expect(again.status).toBe(200)
      expect(again.data.back_in_stock_request.id).toBe(first.data.back_in_stock_request.id)
      // a third one asked, then texted STOP: their request is dropped
      const third = await ask({ phone: "+33 6 21 00 10 13", variant_id: variant.id, wording_version: en.version })
      await api.post("/admin/messaging/consents", { phone: "+33621001013", purpose: "marketing", action: "revoke", note: "Said STOP at the counter" }, admin)

      const pg = getContainer().resolve("__pg_connection__")
      const proof = (await pg.raw(`SELECT * FROM sms_rcs_back_in_stock_request WHERE id = ?`, [first.data.back_in_stock_request.id])).rows[0]
      expect(proof).toMatchObject({ wording: fr.text, wording_version: fr.version, locale: "fr", ip: expect.any(String) })

      // still sold out: nobody is texted
      expect(await run()).toMatchObject({ in_stock: 0, notified: 0 })
      expect(await alerts()).toEqual([])

      // the store restocks in the admin: the inventory event texts each requester, in request order
      await api.post(`/admin/inventory-items/${itemId}/location-levels/${locationId}`, { stocked_quantity: 3 }, admin)
      const sent = await waitFor(async () => {
        const found = await alerts()
        return found.length === 2 && found.every((m) => m.status === "delivered") ? found : undefined
      }, { what: "the two back-in-stock alerts" })
      expect(sent.map((m) => m.to)).toEqual(["+33621001011", "+33621001012"])
      expect(sent[0]).toMatchObject({ purpose: "marketing", locale: "fr", consent_reply: "requested_alert", metadata: { automation: "back_in_stock", variant_id: variant.id } })
      expect(sent[0].body).toContain(`Maison Demo : Pull marin (L) est de retour en stock !`)
      expect(sent[1].body).toContain(`Maison Demo: Pull marin (L) is back in stock!`)
      expect(sent[1].links?.[0]?.url ?? sent[1].body).toContain(`/products/${product.handle}`)
      const settled = (await pg.raw(`SELECT id, status FROM sms_rcs_back_in_stock_request WHERE variant_id = ? ORDER BY created_at`, [variant.id])).rows
      expect(settled.map((r: any) => r.status)).toEqual(["notified", "notified", "canceled"])
      expect(settled[2].id).toBe(third.data.back_in_stock_request.id)

      // again (the job, another stock event): nobody is texted twice
      expect(await run()).toMatchObject({ notified: 0 })
      await api.post(`/admin/inventory-items/${itemId}/location-levels/${locationId}`, { stocked_quantity: 4 }, admin)
      expect(await run()).toMatchObject({ notified: 0 })
      expect(await alerts()).toHaveLength(2)

      // figures on the Automations page
      const { automations } = (await api.get("/admin/messaging/automations", admin)).data
      expect(automations.find((a: any) => a.key === "back_in_stock")).toMatchObject({ enabled: true, sent_last_30_days: 2 })
    })
  },
})
