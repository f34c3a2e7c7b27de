import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

/**
 * The birthday automation (issue 19): a signed-in shopper sets their birthday from the storefront
 * (validated, kept in their metadata beside what was there), and on the day, in their phone's zone, a
 * shopper with marketing consent gets one text that year. The hour is 0 here so the suite is due
 * whatever the hour it runs; the hour rule itself is unit-tested (lib/__tests__/birthday.unit.spec.ts).
 */
isolateQueues("http-birthday")
process.env.SMS_RCS_BIRTHDAY_HOUR = "0"
// the text is delivered whatever the hour the suite runs
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(240_000)

/** Today and tomorrow as "MM-DD" in Paris, the zone of the French numbers below. */
const monthDay = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + offsetDays * 86_400_000))

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      ;({ store, admin } = await openStoreSession(api, getContainer()))
    })
    const storeHeaders = (extra: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": store.publishable_key, ...extra } })
    const account = async (email: string, phone: string) => {
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-pass" })
      const { data: created } = await api.post("/store/customers", { email, first_name: "Lina", phone }, storeHeaders({ authorization: `Bearer ${reg.token}` }))
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "secret-pass" })
      return { id: created.customer.id as string, auth: { authorization: `Bearer ${login.token}` } }
    }
    const setBirthday = (auth: Record<string, string> | null, birthday: unknown) =>
      api.post("/store/messaging/birthday", { birthday }, storeHeaders(auth ?? {})).catch((e: any) => e.response)
    const run = async () => (await api.post("/admin/messaging/automations/birthday/run", {}, admin)).data.run
    const birthdayTexts = async (customerId: string) =>
      (await api.get(`/admin/messaging/messages?customer_id=${customerId}&template_key=birthday`, admin)).data.messages as any[]

    it("keeps a valid birthday from the signed-in shopper only, beside their other metadata", async () => {
      const lina = await account("lina-bday@example.com", "+33 6 23 00 10 01")
      await api.post(`/admin/customers/${lina.id}`, { metadata: { loyalty: "gold" } }, admin)
      expect((await setBirthday(null, "1990-04-23")).status).toBe(401)
      for (const bad of ["04-31", "1999-02-29", "23/04/1990", "x".repeat(100_000), 19900423]) {
        expect((await setBirthday(lina.auth, bad)).status).toBe(400)
      }
      expect((await setBirthday(lina.auth, "1990-04-23")).data).toEqual({ birthday: "1990-04-23" })
      expect((await api.get("/store/messaging/birthday", storeHeaders(lina.auth))).data).toEqual({ birthday: "1990-04-23" })
      const { data } = await api.get(`/admin/customers/${lina.id}?fields=metadata`, admin)
      expect(data.customer.metadata).toEqual({ loyalty: "gold", birthday: "1990-04-23" })
      expect((await setBirthday(lina.auth, null)).data).toEqual({ birthday: null })
      expect((await api.get("/store/messaging/birthday", storeHeaders(lina.auth))).data).toEqual({ birthday: null })
    })

    it("texts a consenting shopper once on their birthday, in their zone, and nobody else", async () => {
      const today = await account("today-bday@example.com", "+33 6 23 00 10 02")
      const tomorrow = await account("tomorrow-bday@example.com", "+33 6 23 00 10 03")
      const unsubscribed = await account("nope-bday@example.com", "+33 6 23 00 10 04")
      await setBirthday(today.auth, monthDay(0))
      await setBirthday(tomorrow.auth, `1988-${monthDay(1)}`)
      await setBirthday(unsubscribed.auth, monthDay(0))
      for (const phone of ["+33623001002", "+33623001003"]) {
        await api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "birthday test" }, admin)
      }

      // the birthday text carries the store's offer: a single-use code of its own
      const { data: created } = await api.post(
        "/admin/promotions",
        { code: "BDAY15", type: "standard", status: "active", is_automatic: false, application_method: { type: "percentage", target_type: "order", allocation: "across", value: 15 } },
        admin
      )
      expect((await api.post("/admin/messaging/automations/birthday", { offer: { promotion_id: created.promotion.id, valid_hours: 72 } }, admin)).status).toBe(200)

      const first = await run()
      expect(first.sent).toBe(1)
      expect(first.skipped.no_consent).toBe(1)
      const [text] = await birthdayTexts(today.id)
      expect(text).toMatchObject({ to: "+33623001002", purpose: "marketing", automation: "birthday" })
      expect(text.body).toContain("happy birthday Lina")
      const delivered = await waitFor(async () => {
        const [m] = await birthdayTexts(today.id)
        return m?.status === "delivered" ? m : undefined
      }, { what: "the birthday text with its code" })
      expect(delivered.body).toMatch(/Your code BDAY15-[A-Z0-9]{8} is valid until /)
      expect(await birthdayTexts(tomorrow.id)).toEqual([])
      expect(await birthdayTexts(unsubscribed.id)).toEqual([])

      // the hourly job runs again the same day: nothing more this year
      expect((await run()).sent).toBe(0)
      expect(await birthdayTexts(today.id)).toHaveLength(1)
    })
  },
})
