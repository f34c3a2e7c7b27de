import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { fillCart, placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-marketing")
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
      api.post(
        "/admin/messaging/consents",
        { phone, purpose: "marketing", action: "grant", note: "Signed up at the shop counter, paper form #12" },
        admin
      )
    const messages = async (filter: string) =>
      (await api.get(`/admin/messaging/messages?${filter}&limit=50`, admin)).data.messages as any[]
    const run = async (key: string) => (await api.post(`/admin/messaging/automations/${key}/run`, {}, admin)).data.run
    const activityOf = async (cartId: string) =>
      (await pg().raw(`SELECT * FROM sms_rcs_cart_activity WHERE cart_id = ?`, [cartId])).rows[0]
    /** The cart as if its last change was `minutes` ago (once its events were recorded). */
    const idleFor = async (cartId: string, minutes: number) => {
      await waitFor(() => activityOf(cartId), { what: `activity of ${cartId}` })
      await pg().raw(`UPDATE sms_rcs_cart_activity SET last_activity_at = now() - (? * interval '1 minute') WHERE cart_id = ?`, [
        minutes,
        cartId,
      ])
    }

    describe("abandoned carts", () => {
      it("reminds an idle cart once, with its recovery link, and only with marketing consent", async () => {
        const phone = "+33 6 10 20 30 40"
        await grantMarketing(phone)
        const cart = await fillCart(http, checkout("idle@example.com", phone))
        const noConsent = await fillCart(http, checkout("nope@example.com", "+33 6 10 20 30 41"))
        expect(await waitFor(() => activityOf(cart.id), { what: "cart activity" })).toMatchObject({ settled_at: null })

        // not idle long enough yet (default delay: 60 minutes)
        await idleFor(cart.id, 59)
        await idleFor(noConsent.id, 59)
        expect((await run("abandoned_cart")).reminded).toBe(0)

        await idleFor(cart.id, 61)
        await idleFor(noConsent.id, 61)
        const first = await run("abandoned_cart")
        expect(first).toMatchObject({ reminded: 1, skipped: { no_consent: 1 } })

        const [reminder] = await waitFor(async () => {
          const found = await messages(`cart_id=${cart.id}&template_key=abandoned_cart`)
          return found[0]?.status === "delivered" ? found : undefined
        }, { what: "the abandoned-cart reminder" })
        expect(reminder).toMatchObject({ purpose: "marketing", to: "+33610203040", metadata: { automation: "abandoned_cart" } })
        expect(reminder.body).toBe(
          `Maison Demo: you left 1 item(s) in your cart, Camille. Complete your order: http://localhost:8000/cart?cart_id=${cart.id}\nReply STOP to opt out`
        )
        // the RCS variant is rendered alongside, for RCS-capable phones
        expect(reminder.rich_payload.card.suggestions[0]).toMatchObject({
          type: "open_url",
          url: `http://localhost:8000/cart?cart_id=${cart.id}`,
        })
        expect(await messages(`cart_id=${noConsent.id}`)).toEqual([])

        // a new change to the cart restarts the clock, but a cart is reminded only once
        await http.post(`/store/carts/${cart.id}`, { metadata: { note: "back again" } }, { "x-publishable-api-key": store.publishable_key })
        await waitFor(async () => {
          const activity = await activityOf(cart.id)
          return Date.now() - new Date(activity.last_activity_at).getTime() < 60_000 ? activity : undefined
        }, { what: "cart.updated recorded" })
        await idleFor(cart.id, 120)
        expect((await run("abandoned_cart")).reminded).toBe(0)
        expect(await messages(`cart_id=${cart.id}`)).toHaveLength(1)

        // the shopper without consent opts in later: their cart becomes eligible again after a change
        await grantMarketing("+33 6 10 20 30 41")
        await http.post(`/store/carts/${noConsent.id}`, { metadata: { note: "opted in" } }, { "x-publishable-api-key": store.publishable_key })
        await waitFor(async () => ((await activityOf(noConsent.id)).settled_at === null ? true : undefined), {
          what: "the cart back in the list",
        })
        await idleFor(noConsent.id, 90)
        expect((await run("abandoned_cart")).reminded).toBe(1)
      })

      it("leaves alone carts older than 48 hours, completed carts and carts without a phone", async () => {
        const phone = "+33 6 11 21 31 41"
        await grantMarketing(phone)
        const stale = await fillCart(http, checkout("stale@example.com", phone))
        const noPhone = await fillCart(http, { ...checkout("nophone@example.com", phone), phone: null })
        const done = await placeOrder(http, checkout("done@example.com", phone))
        const doneCartId = (await pg().raw(`SELECT cart_id FROM order_cart WHERE order_id = ?`, [done.id])).rows[0].cart_id
        const completed = await waitFor(async () => {
          const activity = await activityOf(doneCartId)
          return activity?.settled_reason === "completed" ? activity : undefined
        }, { what: "the completed cart set aside" })
        expect(completed.settled_at).not.toBeNull()
        await idleFor(stale.id, 49 * 60)
        await idleFor(doneCartId, 120)
        await idleFor(noPhone.id, 120)

        const result = await run("abandoned_cart")
        expect(result).toMatchObject({ reminded: 0, skipped: { no_phone: 1 } })
        expect(await messages(`cart_id=${stale.id}`)).toEqual([])
        expect(await messages(`cart_id=${doneCartId}&template_key=abandoned_cart`)).toEqual([])
        expect(await messages(`cart_id=${noPhone.id}`)).toEqual([])
        expect((await activityOf(stale.id)).settled_at).toBeNull()
      })

      it("does nothing while the admin has it switched off", async () => {
        await grantMarketing("+33 6 12 22 32 42")
        const cart = await fillCart(http, checkout("off@example.com", "+33 6 12 22 32 42"))
        await idleFor(cart.id, 90)
        await api.post("/admin/messaging/automations/abandoned_cart", { enabled: false }, admin)
        try {
          expect(await run("abandoned_cart")).toMatchObject({ checked: 0, reminded: 0 })
        } finally {
          await api.post("/admin/messaging/automations/abandoned_cart", { enabled: true }, admin)
        }
        expect((await run("abandoned_cart")).reminded).toBe(1)
      })
    })

    describe("welcome", () => {
      const register = async (email: string, phone: string) => {
        const { data: auth } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-1234" })
        const { data } = await api.post(
          "/store/customers",
          { email, first_name: "Léa", phone },
          { headers: { authorization: `Bearer ${auth.token}`, "x-publishable-api-key": store.publishable_key } }
        )
        return data.customer.id as string
      }

      it("welcomes a new account that has marketing consent, and not one without", async () => {
        await api.post("/admin/messaging/automations/welcome", { delay_minutes: 0 }, admin)
        await grantMarketing("+33 6 13 23 33 43")
        const withConsent = await register("welcome@example.com", "+33 6 13 23 33 43")
        const without = await register("nowelcome@example.com", "+33 6 13 23 33 44")

        const [welcome] = await waitFor(async () => {
          const found = await messages(`customer_id=${withConsent}&template_key=welcome`)
          return found[0]?.status === "delivered" ? found : undefined
        }, { what: "the welcome text" })
        expect(welcome.body).toBe(
          "Maison Demo: welcome Léa! You will be the first to hear about new arrivals and offers. http://localhost:8000\nReply STOP to opt out"
        )
        const [refused] = await waitFor(async () => {
          const found = await messages(`customer_id=${without}&template_key=welcome`)
          return found[0]?.status === "suppressed" ? found : undefined
        }, { what: "the suppressed welcome" })
        expect(refused.status_reason).toBe("no_marketing_consent: the recipient never opted in")
        expect(refused.sent_at).toBeNull()
      })

      it("waits the welcome's delay (10 minutes by default) so consent given just after sign-up counts", async () => {
        const { data } = await api.get("/admin/messaging/automations", admin)
        expect(data.automations.find((a: any) => a.key === "welcome")).toMatchObject({ delay_minutes: 10, purpose: "marketing" })
        const customerId = await register("later@example.com", "+33 6 14 24 34 44")
        const [queued] = await waitFor(async () => {
          const found = await messages(`customer_id=${customerId}&template_key=welcome`)
          return found.length ? found : undefined
        }, { what: "the queued welcome" })
        expect(queued.status).toBe("queued")
        expect(new Date(queued.send_after).getTime() - new Date(queued.created_at).getTime()).toBeGreaterThanOrEqual(9.9 * 60_000)
      })
    })

    describe("win-back", () => {
      it("texts a customer whose last order is 90 days old, once, and not one who ordered since", async () => {
        const phone = "+33 6 15 25 35 45"
        await grantMarketing(phone)
        const lapsed = await placeOrder(http, checkout("lapsed@example.com", phone))
        const loyalOld = await placeOrder(http, checkout("loyal@example.com", "+33 6 15 25 35 46"))
        await grantMarketing("+33 6 15 25 35 46")
        await placeOrder(http, checkout("loyal@example.com", "+33 6 15 25 35 46"))
        await pg().raw(`UPDATE "order" SET created_at = now() - interval '91 days' WHERE id IN (?, ?)`, [lapsed.id, loyalOld.id])
        const { data } = await api.get(`/admin/orders/${lapsed.id}?fields=customer_id`, admin)
        const customerId = data.order.customer_id

        const first = await run("win_back")
        expect(first.sent).toBe(1)
        const [text] = await waitFor(async () => {
          const found = await messages(`customer_id=${customerId}&template_key=win_back`)
          return found[0]?.status === "delivered" ? found : undefined
        }, { what: "the win-back text" })
        expect(text.body).toBe(
          "Maison Demo: we miss you Camille! See what is new since your last visit. http://localhost:8000\nReply STOP to opt out"
        )
        expect(text.order_id).toBeNull()

        expect((await run("win_back")).sent).toBe(0)
        expect(await messages(`customer_id=${customerId}&template_key=win_back`)).toHaveLength(1)
      })
    })
  },
})
