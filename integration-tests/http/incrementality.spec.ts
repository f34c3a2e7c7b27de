import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { incrementality, twoProportionTest } from "../../src/lib/analytics/incrementality"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { useTwilioApp } from "../helpers/twilio-app"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-incrementality")
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(300_000)

const ACCOUNT_SID = "AC" + "1".repeat(32)
const twilioApp = useTwilioApp({ accountSid: ACCOUNT_SID, authToken: "holdout-token", from: "+15005550006" })

/** 200 French mobiles, +33 6 40 00 00 00 … +33 6 40 00 01 99. */
const PHONES = Array.from({ length: 200 }, (_, i) => `+336400${String(i).padStart(5, "0")}`)
const ORDER_TOTAL = 60

/**
 * Holdout groups, end to end: an automation with a 20 % holdout texts 200 consenting recipients through the
 * (fake) Twilio API; the held-out ones get a `held_out` row and no request; orders placed afterwards are
 * counted for both groups, and the incrementality report gives the figures of the seeded effect (treated
 * recipients buy three times as often), computed here from the groups the database holds.
 */
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    const pg = () => getContainer().resolve("__pg_connection__")
    const workflows = () => require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
    const send = async (automation: string, phone: string, i: number) => {
      const { result } = await workflows()
        .sendMessageWorkflow(getContainer())
        .run({
          input: {
            template_key: automation,
            idempotency_key: `${automation}:test:${i}`,
            phone,
            purpose: "marketing",
            body: "Maison Demo: we miss you! -15% with COMEBACK15",
            metadata: { automation },
          },
        })
      return result as { message: { id: string; status: string; status_reason: string | null; to: string }; created: boolean }
    }
    /** An order by `phone` (its shipping address), credited as order.placed would credit it. */
    const placeOrder = async (phone: string, i: number) => {
      const orders = getContainer().resolve(Modules.ORDER) as any
      const order = await orders.createOrders({
        currency_code: "eur",
        email: `buyer-${i}@example.com`,
        shipping_address: { first_name: "Camille", last_name: "Martin", phone, country_code: "fr" },
        items: [{ title: "Wool scarf", quantity: 1, unit_price: ORDER_TOTAL }],
      })
      await workflows().attributeOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      return order.id as string
    }

    it("refuses a holdout on a transactional automation and past 50 %", async () => {
      const refused = await api.post("/admin/messaging/automations/order_placed", { holdout_percent: 10 }, { ...admin, validateStatus: () => true })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/marketing automations only/)
      const tooMuch = await api.post("/admin/messaging/automations/win_back", { holdout_percent: 60 }, { ...admin, validateStatus: () => true })
      expect(tooMuch.status).toBe(400)
    })

    it("never texts the held-out recipients, counts their orders, and reports the incremental revenue of a known effect", async () => {
      const saved = await api.post("/admin/messaging/automations/win_back", { holdout_percent: 20 }, admin)
      expect(saved.data.automation.holdout_percent).toBe(20)
      // a second automation with few recipients: figures, but no verdict
      await api.post("/admin/messaging/automations/welcome", { holdout_percent: 50 }, admin)

      for (const phone of [...PHONES, "+33640009990", "+33640009991", "+33640009992", "+33640009993", "+33640009994", "+33640009995"]) {
        await api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Shop counter form" }, admin)
      }
      // a recipient without consent is not held out (they would be suppressed if texted): same population on both sides
      const noConsent = "+33640009999"

      const results: { phone: string; message: { id: string; status: string; status_reason: string | null } }[] = []
      for (const [i, phone] of PHONES.entries()) {
        results.push({ phone, message: (await send("win_back", phone, i)).message })
      }
      const held = results.filter((r) => r.message.status === "held_out")
      const treated = results.filter((r) => r.message.status !== "held_out")
      // the stable hash holds back about a fifth, always the same (computed by the plugin, read back here)
      expect(held.length).toBeGreaterThanOrEqual(30)
      expect(held.length).toBeLessThanOrEqual(55)
      expect(treated.every((r) => r.message.status === "queued")).toBe(true)
      for (const r of held) expect(r.message.status_reason).toBe("holdout: 20 % of win_back held back to measure incrementality")

      // idempotent like a send: the same event again is the same held-out row, not a text
      const again = await send("win_back", held[0].phone, PHONES.indexOf(held[0].phone))
      expect(again).toMatchObject({ created: false, message: { id: held[0].message.id, status: "held_out" } })

      const welcome = await Promise.all(["+33640009990", "+33640009991", "+33640009992", "+33640009993", "+33640009994", "+33640009995"].map((p, i) => send("welcome", p, i)))
      const noConsentResult = await send("win_back", noConsent, 999)
      expect(noConsentResult.message.status).toBe("queued") // suppressed at send time, never held out

      // every treated recipient reaches Twilio; no held-out one ever does
      await waitFor(
        async () => {
          const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM sms_rcs_message WHERE automation = 'win_back' AND sent_at IS NOT NULL`)
          return rows[0].n === treated.length ? true : undefined
        },
        { what: "the treated recipients' texts sent", attempts: 600 }
      )
      await waitFor(async () => {
        const welcomeSent = welcome.filter((w) => w.message.status === "queued").map((w) => w.message.id)
        const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM sms_rcs_message WHERE id = ANY(?) AND sent_at IS NOT NULL`, [welcomeSent])
        return rows[0].n === welcomeSent.length ? true : undefined
      }, { what: "the welcome texts sent" })
      const requested = new Set(twilioApp.fake().accepted.map((m) => m.to))
      for (const r of treated) expect(requested.has(r.phone)).toBe(true)
      for (const r of held) expect(requested.has(r.phone)).toBe(false)
      // never claimed by a worker nor sent (so no frequency cap counts them: caps count sending and sent rows)
      const rows = (
        await pg().raw(`SELECT status, sent_at, claimed_at, attempts, provider_message_id FROM sms_rcs_message WHERE id = ANY(?)`, [held.map((r) => r.message.id)])
      ).rows
      expect(rows).toHaveLength(held.length)
      for (const row of rows) expect(row).toMatchObject({ status: "held_out", sent_at: null, claimed_at: null, attempts: 0, provider_message_id: null })

      // the seeded effect: one treated recipient in 3 buys, one held-out recipient in 10 (rounded down to whole people)
      const treatedBuyers = treated.filter((_, i) => i % 3 === 0)
      const heldBuyers = held.filter((_, i) => i % 10 === 0)
      let n = 0
      for (const r of [...treatedBuyers, ...heldBuyers]) await placeOrder(r.phone, n++)
      // a held-out buyer's second order: two orders, one converted recipient
      await placeOrder(heldBuyers[0].phone, n++)

      // their orders are counted against their held-out rows as against the treated ones
      const counted = await pg().raw(
        `SELECT m.status, count(*)::int AS n, sum(r.order_total)::float AS revenue
           FROM sms_rcs_recipient_order r JOIN sms_rcs_message m ON m.id = r.message_id
          WHERE m.automation = 'win_back' GROUP BY m.status ORDER BY m.status`
      )
      const byStatus = Object.fromEntries(counted.rows.map((row: any) => [row.status, row]))
      expect(byStatus.held_out).toMatchObject({ n: heldBuyers.length + 1, revenue: (heldBuyers.length + 1) * ORDER_TOTAL })
      const treatedStatuses = counted.rows.filter((row: any) => row.status !== "held_out").reduce((s: number, row: any) => s + row.n, 0)
      expect(treatedStatuses).toBe(treatedBuyers.length)

      const { data } = await api.get("/admin/messaging/analytics/incrementality?days=1&currency=EUR", admin)
      expect(data).toMatchObject({ days: 1, currency: "EUR", min_recipients_per_group: 30 })
      const all = data.rows.find((r: any) => r.kind === "automation" && r.key === "win_back" && r.channel === "all")
      const sms = data.rows.find((r: any) => r.kind === "automation" && r.key === "win_back" && r.channel === "sms")
      expect(sms).toMatchObject({ treated: all.treated, held_out: all.held_out })

      const T = treated.length
      const H = held.length
      const rprTreated = (treatedBuyers.length * ORDER_TOTAL) / T
      const rprHeld = ((heldBuyers.length + 1) * ORDER_TOTAL) / H
      expect(all.status).toBe("enough_data")
      expect(all.treated).toEqual({
        recipients: T,
        converted: treatedBuyers.length,
        orders: treatedBuyers.length,
        revenue: treatedBuyers.length * ORDER_TOTAL,
        conversion_rate: round(treatedBuyers.length / T, 4),
        orders_per_recipient: round(treatedBuyers.length / T, 4),
        revenue_per_recipient: round(rprTreated, 4),
      })
      expect(all.held_out).toEqual({
        recipients: H,
        converted: heldBuyers.length,
        orders: heldBuyers.length + 1,
        revenue: (heldBuyers.length + 1) * ORDER_TOTAL,
        conversion_rate: round(heldBuyers.length / H, 4),
        orders_per_recipient: round((heldBuyers.length + 1) / H, 4),
        revenue_per_recipient: round(rprHeld, 4),
      })
      expect(all.incremental_revenue).toBe(round((rprTreated - rprHeld) * T, 2))
      expect(all.incremental_revenue).toBeGreaterThan(0)
      expect(all.conversion_lift).toBe(round((treatedBuyers.length / T - heldBuyers.length / H) / (heldBuyers.length / H), 4))
      const z = twoProportionTest(treatedBuyers.length, T, heldBuyers.length, H)!
      expect(all.conversion_test).toEqual({
        difference: round(z.difference, 4),
        z: round(z.z, 4),
        p_value: round(z.p_value, 4),
        interval: { low: round(z.interval.low, 4), high: round(z.interval.high, 4) },
      })
      // the bootstrap's interval, reproducible (fixed seed), around the point estimate
      const expected = incrementality(
        { recipients: T, buyers: treatedBuyers.map(() => ({ orders: 1, revenue: ORDER_TOTAL })) },
        { recipients: H, buyers: heldBuyers.map((_, i) => ({ orders: i === 0 ? 2 : 1, revenue: i === 0 ? 2 * ORDER_TOTAL : ORDER_TOTAL })) }
      )
      expect(all.incremental_revenue_interval).toEqual({
        low: round(expected.incremental_revenue_interval!.low, 2),
        high: round(expected.incremental_revenue_interval!.high, 2),
      })
      expect(all.incremental_revenue_interval.low).toBeLessThan(all.incremental_revenue)
      expect(all.incremental_revenue_interval.high).toBeGreaterThan(all.incremental_revenue)

      // the welcome automation's handful: plain figures, "not enough data yet"
      const welcomeRow = data.rows.find((r: any) => r.key === "welcome" && r.channel === "all")
      const welcomeHeld = welcome.filter((w) => w.message.status === "held_out").length
      if (welcomeHeld > 0) {
        expect(welcomeRow).toMatchObject({ status: "not_enough_data", conversion_test: null, incremental_revenue_interval: null })
        expect(welcomeRow.held_out.recipients + welcomeRow.treated.recipients).toBe(6)
      } else {
        expect(welcomeRow).toBeUndefined()
      }

      // a recompute (windows changed: the same stored facts again) finds the same orders for the same recipients
      await workflows().recomputeAttributions(getContainer(), { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) })
      const recounted = (await pg().raw(`SELECT count(*)::int AS n FROM sms_rcs_recipient_order`)).rows[0].n
      expect(recounted).toBe(treatedBuyers.length + heldBuyers.length + 1)
    })

    it("holds out a campaign's share: recorded with their variant, never texted, the campaign still completes, their orders counted", async () => {
      const phones = Array.from({ length: 40 }, (_, i) => `+3364100${String(i).padStart(4, "0")}`)
      for (const [i, phone] of phones.entries()) {
        const { data } = await api.post("/admin/customers", { email: `holdout-${i}@example.com`, first_name: `Client${i}` }, admin)
        await api.post("/admin/messaging/consents", { phone, customer_id: data.customer.id, purpose: "marketing", action: "grant", note: "Loyalty card form" }, admin)
      }
      const tooMuch = await api.post(
        "/admin/messaging/campaigns/drafts",
        { name: "Too much", holdout_percent: 51, segment: { name: "All", definition: { match: "all", rules: [] } }, variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hi" }] },
        { ...admin, validateStatus: () => true }
      )
      expect(tooMuch.status).toBe(400)
      const { data: saved } = await api.post(
        "/admin/messaging/campaigns/drafts",
        {
          name: "Winter sale",
          holdout_percent: 25,
          segment: { name: "Everyone", definition: { match: "all", rules: [] } },
          variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hi {{customer_first_name}}, -20% this week" }],
        },
        admin
      )
      const id = saved.campaign.id
      expect(saved.campaign.holdout_percent).toBe(25)
      await api.post(`/admin/messaging/campaigns/${id}/schedule`, {}, admin)
      const { advanceCampaignsWorkflow } = workflows()
      await advanceCampaignsWorkflow(getContainer()).run({ input: { campaign_id: id } })

      const done = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/campaigns/${id}`, admin)
        return data.campaign.status === "sent" ? data : undefined
      }, { what: "the campaign completed", attempts: 300 })
      const rows = (await pg().raw(`SELECT "to", status, status_reason, campaign_variant, sent_at FROM sms_rcs_message WHERE campaign_id = ?`, [id])).rows as any[]
      expect(rows).toHaveLength(40)
      const held = rows.filter((m) => m.status === "held_out")
      expect(held.length).toBeGreaterThan(0)
      expect(held.length).toBeLessThan(40)
      expect(done.progress.held_out).toBe(held.length)
      for (const m of held) expect(m).toMatchObject({ campaign_variant: "a", sent_at: null, status_reason: `holdout: 25 % of ${id} held back to measure incrementality` })
      const requested = new Set(twilioApp.fake().accepted.map((m) => m.to))
      for (const m of rows) expect(requested.has(m.to)).toBe(m.status !== "held_out")

      await placeOrder(held[0].to, 900)
      const { data } = await api.get("/admin/messaging/analytics/incrementality?days=1&currency=EUR", admin)
      const row = data.rows.find((r: any) => r.kind === "campaign" && r.key === id && r.channel === "all")
      expect(row).toMatchObject({
        name: "Winter sale",
        status: held.length >= 30 ? "enough_data" : "not_enough_data",
        treated: { recipients: 40 - held.length, orders: 0 },
        held_out: { recipients: held.length, converted: 1, orders: 1, revenue: ORDER_TOTAL },
      })
      // the held-out group bought more here: the incremental revenue says so, negative
      expect(row.incremental_revenue).toBe(round((0 - ORDER_TOTAL / held.length) * (40 - held.length), 2))
    })
  },
})

function round(value: number, digits: number) {
  return Math.round(value * 10 ** digits) / 10 ** digits
}
