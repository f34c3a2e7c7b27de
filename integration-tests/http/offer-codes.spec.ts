import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { completeCart, fillCart, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-offer-codes")
// marketing texts obey quiet hours; this suite runs at any hour
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(240_000)

/** The code a welcome text carries: the store's code, a dash, 8 characters of the unambiguous alphabet. */
const CODE = /\b(WELCOME10-[ABCDEFGHJKMNPQRSTWXYZ3456789]{8})\b/

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
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const storeHeaders = () => ({ "x-publishable-api-key": store.publishable_key })
    const messages = async (filter: string) =>
      (await api.get(`/admin/messaging/messages?${filter}&limit=50`, admin)).data.messages as any[]
    const grantMarketing = (phone: string) =>
      api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Paper form #7" }, admin)
    const register = async (email: string, phone: string) => {
      const { data: auth } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-1234" })
      const { data } = await api.post(
        "/store/customers",
        { email, first_name: "Léa", phone },
        { headers: { authorization: `Bearer ${auth.token}`, ...storeHeaders() } }
      )
      return data.customer.id as string
    }
    const offerRows = async (messageId: string) =>
      (await pg().raw(`SELECT * FROM sms_rcs_offer_code WHERE message_id = ?`, [messageId])).rows as any[]
    const copies = async () =>
      Number((await pg().raw(`SELECT count(*)::int AS n FROM promotion WHERE code LIKE 'WELCOME10-%' AND deleted_at IS NULL`)).rows[0].n)
    const promotionOf = async (code: string) =>
      (
        await query().graph({
          entity: "promotion",
          fields: ["id", "code", "limit", "is_automatic", "status", "campaign.ends_at", "campaign.budget.type", "campaign.budget.limit", "application_method.value"],
          filters: { code },
        })
      ).data[0] as any

    it("gives each welcomed customer one single-use, expiring code, none to a text that is not sent, and credits the order that uses it", async () => {
      const { data: created } = await api.post(
        "/admin/promotions",
        {
          code: "WELCOME10",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
        },
        admin
      )
      const base = created.promotion

      // the admin picks a promotion that exists, and only for automations that can carry a code
      const refused = await api
        .post("/admin/messaging/automations/welcome", { offer: { promotion_id: "promo_nope", valid_hours: 48 } }, admin)
        .catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain(`No promotion "promo_nope"`)
      const notHere = await api
        .post("/admin/messaging/automations/order_placed", { offer: { promotion_id: base.id, valid_hours: 48 } }, admin)
        .catch((e: any) => e.response)
      expect(notHere.status).toBe(400)
      const { data: saved } = await api.post(
        "/admin/messaging/automations/welcome",
        { delay_minutes: 0, offer: { promotion_id: base.id, valid_hours: 48 } },
        admin
      )
      expect(saved.automation.offer).toEqual({ promotion_id: base.id, valid_hours: 48 })

      // 1. a customer with consent: the text goes with its own code
      await grantMarketing("+33 6 14 24 34 44")
      const before = Date.now()
      const customerId = await register("offer@example.com", "+33 6 14 24 34 44")
      const [welcome] = await waitFor(async () => {
        const found = await messages(`customer_id=${customerId}&template_key=welcome`)
        return found[0]?.status === "delivered" ? found : undefined
      }, { what: "the welcome text with its code" })
      const code = CODE.exec(welcome.body)?.[1]
      expect(code).toBeDefined()
      expect(welcome.body).toMatch(new RegExp(`^Maison Demo: welcome Léa! You will be the first to hear about new arrivals and offers\\. Your code ${code} is valid until .+\\. http://localhost:8000\\nReply STOP to opt out$`))
      expect(welcome.body).not.toContain("%%")

      const promotion = await promotionOf(code!)
      expect(promotion).toMatchObject({ code, limit: 1, is_automatic: false, status: "active", campaign: { budget: { type: "usage", limit: 1 } } })
      expect(Number(promotion.application_method.value)).toBe(10)
      const endsAt = new Date(promotion.campaign.ends_at).getTime()
      expect(endsAt).toBeGreaterThanOrEqual(before + 48 * 3_600_000 - 5_000)
      expect(endsAt).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000 + 5_000)
      expect(await offerRows(welcome.id)).toEqual([
        expect.objectContaining({ code, promotion_id: promotion.id, base_promotion_id: base.id, automation: "welcome", phone: "+33614243444" }),
      ])

      // 2. the event delivered again: the same message, no second code
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "customer.created", data: { id: customerId } })
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      expect(await messages(`customer_id=${customerId}&template_key=welcome`)).toHaveLength(1)
      expect(await offerRows(welcome.id)).toHaveLength(1)
      expect(await copies()).toBe(1)

      // 3. a customer without consent: the text is suppressed, and no code is created for it
      const without = await register("nooffer@example.com", "+33 6 14 24 34 45")
      const [suppressed] = await waitFor(async () => {
        const found = await messages(`customer_id=${without}&template_key=welcome`)
        return found[0]?.status === "suppressed" ? found : undefined
      }, { what: "the suppressed welcome" })
      expect(await offerRows(suppressed.id)).toEqual([])
      expect(await copies()).toBe(1)

      // 4. the code used at checkout, from another phone and email: the order is credited to that text exactly
      const cart = await fillCart(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: "someone-else@example.com",
        phone: "+33 6 99 88 77 66",
      })
      await http.post(`/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, storeHeaders())
      const order = await completeCart(http, store.publishable_key, cart.id)
      const attribution = await waitFor(async () => {
        const { rows } = await pg().raw(`SELECT * FROM sms_rcs_attribution WHERE order_id = ? AND deleted_at IS NULL`, [order.id])
        return rows[0]
      }, { what: "the order's attribution" })
      expect(attribution).toMatchObject({ message_id: welcome.id, automation: "welcome", touch_type: "discount_code" })
      expect((await offerRows(welcome.id))[0]).toMatchObject({ order_id: order.id })
      expect((await offerRows(welcome.id))[0].redeemed_at).not.toBeNull()

      // 5. a second code, never used and expired: the cleanup deletes its promotion; the used one stays
      await grantMarketing("+33 6 14 24 34 46")
      const second = await register("unused@example.com", "+33 6 14 24 34 46")
      const [unused] = await waitFor(async () => {
        const found = await messages(`customer_id=${second}&template_key=welcome`)
        return found[0]?.status === "delivered" ? found : undefined
      }, { what: "the second welcome" })
      const unusedCode = CODE.exec(unused.body)![1]
      expect(unusedCode).not.toBe(code)
      expect(await copies()).toBe(2)

      // redemptions per automation in the analytics
      const { data: analytics } = await api.get(`/admin/messaging/analytics`, admin)
      expect(analytics.offer_codes.by_automation).toEqual([{ automation: "welcome", issued: 2, redeemed: 1 }])

      await pg().raw(`UPDATE sms_rcs_offer_code SET expires_at = now() - interval '1 hour'`)
      const { cleanUpOfferCodes } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      expect(await cleanUpOfferCodes(getContainer())).toEqual({ removed: 1 })
      expect(await promotionOf(unusedCode)).toBeUndefined()
      expect(await promotionOf(code!)).toBeDefined()
      expect((await offerRows(unused.id))[0].removed_at).not.toBeNull()
      // nothing left to clean
      expect(await cleanUpOfferCodes(getContainer())).toEqual({ removed: 0 })
    })
  },
})
