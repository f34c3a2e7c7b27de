import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { fillCart, placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-campaigns")
process.env.SMS_RCS_QUIET_HOURS = "off"
process.env.SMS_RCS_TRACKING_BASE_URL = "https://go.maison-demo.test"
jest.setTimeout(240_000)

const VIP = 20
// last digit 1: the sandbox fails numbers ending in 0002, 0003 and 0004 on purpose
const phoneOf = (i: number) => `+3361${5000001 + i * 10}`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: DemoStore
    let http: Http

    beforeEach(async () => {
      ;({ admin, store, http } = await openStoreSession(api, getContainer()))
    })

    const pg = () => getContainer().resolve("__pg_connection__")
    // the plugin's campaign job, as the app loaded it, run on demand instead of waiting for its minute
    const advance = async (input: Record<string, unknown> = {}) => {
      const { advanceCampaignsWorkflow } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      return (await advanceCampaignsWorkflow(getContainer()).run({ input })).result
    }
    const customer = async (i: number, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/customers", { email: `c${i}@example.com`, first_name: `Client${i}`, ...extra }, admin)).data.customer
    const consent = (phone: string, customer_id: string | null, purpose = "marketing", action = "grant") =>
      api.post("/admin/messaging/consents", { phone, ...(customer_id ? { customer_id } : {}), purpose, action, note: "Loyalty card form" }, admin)
    const campaignMessages = async (id: string) =>
      (await pg().raw(`SELECT id, "to", status, status_reason, attempts, campaign_variant, body, idempotency_key, send_after FROM sms_rcs_message WHERE campaign_id = ?`, [id])).rows as any[]
    const wentOut = (rows: any[]) => rows.filter((m) => ["sending", "sent", "delivered", "read"].includes(m.status)).length

    it("counts customers by orders, spend, products, collections, carts, country, language, RCS, messages and clicks over real data", async () => {
      const phone = "+33 6 30 40 50 61"
      const checkout = { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email: "buyer@example.com", phone }
      const order = await placeOrder(http, checkout)
      const { rows: [facts] } = await pg().raw(
        `SELECT o.customer_id, o.currency_code, v.product_id FROM "order" o, product_variant v WHERE o.id = ? AND v.id = ?`,
        [order.id, store.variant_id]
      )
      await consent(phone, facts.customer_id)
      await fillCart(http, checkout) // a second cart, left behind
      const count = async (...rules: unknown[]) =>
        (await api.post("/admin/messaging/segments/count", { definition: { match: "all", rules } }, admin)).data.count
      const total = Number(order.total)
      expect(total).toBeGreaterThan(0)

      const cases: [unknown, number][] = [
        [{ field: "orders_count", operator: "gte", value: 1 }, 1],
        [{ field: "orders_count", operator: "gte", value: 2 }, 0],
        [{ field: "total_spent", operator: "gte", value: total, currency_code: facts.currency_code }, 1],
        [{ field: "total_spent", operator: "gt", value: total }, 0],
        [{ field: "total_spent", operator: "gte", value: 0.01, currency_code: "usd" }, 0],
        [{ field: "product_bought", operator: "in", value: [facts.product_id] }, 1],
        [{ field: "product_bought", operator: "not_in", value: [facts.product_id] }, 0],
        [{ field: "collection_bought", operator: "in", value: ["pcol_none"] }, 0],
        [{ field: "collection_bought", operator: "not_in", value: ["pcol_none"] }, 1],
        [{ field: "last_order_date", operator: "within_days", value: 1 }, 1],
        [{ field: "last_order_date", operator: "not_within_days", value: 1 }, 0],
        [{ field: "last_order_date", operator: "after", value: "2000-01-01" }, 1],
        [{ field: "last_order_date", operator: "before", value: "2000-01-01" }, 0],
        [{ field: "cart_abandoned", operator: "within_days", value: 1 }, 1],
        [{ field: "cart_abandoned", operator: "not_within_days", value: 1 }, 0],
        [{ field: "country", operator: "in", value: ["FR"] }, 1],
        [{ field: "country", operator: "in", value: ["US"] }, 0],
        [{ field: "locale", operator: "not_in", value: ["de"] }, 1],
        [{ field: "rcs_capable", operator: "is", value: false }, 1],
        [{ field: "rcs_capable", operator: "is", value: true }, 0],
        [{ field: "clicked", operator: "within_days", value: 30 }, 0],
        [{ field: "clicked", operator: "not_within_days", value: 30 }, 1],
      ]
      for (const [rule, expected] of cases) {
        expect([rule, await count(rule)]).toEqual([rule, expected])
      }
      // every rule at once, and "any" of two that exclude each other
      expect(await count(...cases.filter(([, n]) => n === 1).map(([r]) => r))).toBe(1)
      expect(await count({ match: "any", rules: [cases[0][0], cases[1][0]] })).toBe(1)

      // the order confirmation went to that phone: it counts as a message received
      await waitFor(async () => ((await count({ field: "messages_received", operator: "gte", value: 1 })) === 1 ? true : undefined), {
        what: "the confirmation counted",
      })
      // the phone turns out to be RCS capable
      await pg().raw(
        `INSERT INTO sms_rcs_phone_capability (id, phone, provider, rcs_capable, checked_at, expires_at) VALUES ('smscap_t', '+33630405061', 'sandbox', true, now(), now() + interval '1 day')`
      )
      expect(await count({ field: "rcs_capable", operator: "is", value: true })).toBe(1)
    })

    it("sends a 2-variant campaign to a segment, paced, paused and resumed without duplicates, with results per variant", async () => {
      // 20 VIP customers with marketing consent (linked by customer id, or by their phone in international form)
      const { data: groupData } = await api.post("/admin/customer-groups", { name: "VIP" }, admin)
      const group = groupData.customer_group
      const vips: string[] = []
      for (let i = 0; i < VIP; i++) {
        const c = i % 2 ? await customer(i, { phone: phoneOf(i).replace(/^(\+33)(\d)(\d{2})/, "$1 $2 $3 ") }) : await customer(i)
        await consent(phoneOf(i), i % 2 ? null : c.id)
        vips.push(c.id)
      }
      // …a VIP without consent, a VIP who sent STOP ALL, a consenting customer outside the group
      const noConsent = await customer(100, { phone: phoneOf(100) })
      const stopped = await customer(101)
      await consent(phoneOf(101), stopped.id)
      await consent(phoneOf(101), stopped.id, "transactional", "revoke")
      const outsider = await customer(102)
      await consent(phoneOf(102), outsider.id)
      await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [...vips, noConsent.id, stopped.id] }, admin)

      // the builder's live count, and a bad definition refused with where and why
      const definition = {
        match: "all",
        rules: [
          { field: "customer_group", operator: "in", value: [group.id] },
          { match: "any", rules: [{ field: "orders_count", operator: "lte", value: 0 }, { field: "rcs_capable", operator: "is", value: true }] },
        ],
      }
      expect((await api.post("/admin/messaging/segments/count", { definition }, admin)).data).toEqual({ count: VIP })
      const bad = await api
        .post("/admin/messaging/segments", { name: "Bad", definition: { match: "all", rules: [{ field: "orders_count", operator: "gte", value: "two" }] } }, admin)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("rules[0].value")
      expect((await api.get("/admin/messaging/segments", admin)).data.segments).toHaveLength(0)

      const { data: segmentData } = await api.post("/admin/messaging/segments", { name: "VIP without orders", definition }, admin)
      expect(segmentData.segment).toMatchObject({ name: "VIP without orders", last_count: VIP })

      // a split that does not add up is refused; a good one is a draft with its estimate
      const variants = [
        { id: "a", name: "Discount", weight: 50, sms_body: "{{store_name}}: {{first_name}}, -20% for VIPs this week: https://shop.example.com/vip" },
        { id: "b", name: "Free shipping", weight: 50, sms_body: "{{store_name}}: {{first_name}}, free shipping for VIPs: https://shop.example.com/vip" },
      ]
      const unsplit = await api
        .post("/admin/messaging/campaigns", { name: "VIP week", segment_id: segmentData.segment.id, variants: [variants[0], { ...variants[1], weight: 40 }] }, admin)
        .catch((e: any) => e.response)
      expect(unsplit.status).toBe(400)
      expect(unsplit.data.message).toContain("add up to 100 %")

      const { data: created } = await api.post(
        "/admin/messaging/campaigns",
        { name: "VIP week", segment_id: segmentData.segment.id, variants, throttle: { per_second: 4 } },
        admin
      )
      const id = created.campaign.id
      expect(created.campaign).toMatchObject({ status: "draft", planned_count: 0 })
      const draft = (await api.get(`/admin/messaging/campaigns/${id}`, admin)).data
      expect(draft.estimate).toMatchObject({ recipients: VIP, currency: "EUR" })
      expect(draft.estimate.variants.map((v: any) => v.recipients).reduce((a: number, b: number) => a + b)).toBe(VIP)
      expect(draft.estimate.variants[0].body).toMatch(/^Maison Demo: Camille, -20% for VIPs this week: https:\/\/go\.maison-demo\.test\/r\/\w{10}\nReply STOP to opt out$/)

      // scheduled for later in the store's zone: the job leaves it alone until then
      const { data: later } = await api.post(`/admin/messaging/campaigns/${id}/schedule`, { at: "2099-01-01T10:00", time_zone: "Europe/Paris" }, admin)
      expect(later.campaign).toMatchObject({ status: "scheduled", scheduled_at: "2099-01-01T09:00:00.000Z", time_zone: "Europe/Paris" })
      expect((await advance({ campaign_id: id })).started).toEqual([])
      await pg().raw(`UPDATE sms_rcs_campaign SET status = 'draft' WHERE id = ?`, [id])
      // without a zone, the store's (`defaultTimeZone`, UTC in the test app); a zone Intl does not know is a 400
      expect(draft.store_time_zone).toBe("UTC")
      const { data: inStoreZone } = await api.post(`/admin/messaging/campaigns/${id}/schedule`, { at: "2099-06-01T10:00" }, admin)
      expect(inStoreZone.campaign).toMatchObject({ scheduled_at: "2099-06-01T10:00:00.000Z", time_zone: "UTC" })
      await pg().raw(`UPDATE sms_rcs_campaign SET status = 'draft' WHERE id = ?`, [id])
      const badZone = await api.post(`/admin/messaging/campaigns/${id}/schedule`, { at: "2099-06-01T10:00", time_zone: "Mars/Olympus" }, admin).catch((e: any) => e.response)
      expect(badZone.status).toBe(400)
      expect(badZone.data.message).toContain("IANA time zone")

      // now: started by the job, every recipient planned once, 4 per second
      await api.post(`/admin/messaging/campaigns/${id}/schedule`, {}, admin)
      const first = await advance({ campaign_id: id })
      expect(first).toMatchObject({ started: [id], planned: VIP })
      expect((await advance({ campaign_id: id })).planned).toBe(0) // a second run (a restart) plans nobody again

      // pause once a few went out: nothing more goes out while paused
      await waitFor(async () => (wentOut(await campaignMessages(id)) >= 3 ? true : undefined), { what: "the first sends" })
      await api.post(`/admin/messaging/campaigns/${id}/pause`, {}, admin)
      await new Promise((r) => setTimeout(r, 500)) // a send claimed just before the pause may finish
      const atPause = wentOut(await campaignMessages(id))
      expect(atPause).toBeLessThan(VIP)
      await new Promise((r) => setTimeout(r, 3_000)) // long enough for every remaining message to have been due
      expect(wentOut(await campaignMessages(id))).toBe(atPause)
      const resumedTwice = await api.post(`/admin/messaging/campaigns/${id}/pause`, {}, admin).catch((e: any) => e.response)
      expect(resumedTwice.status).toBe(400)
      expect(resumedTwice.data.message).toContain("is paused and cannot be paused")

      // resume: the rest goes out, each recipient exactly once, through one provider call each
      expect((await api.post(`/admin/messaging/campaigns/${id}/resume`, {}, admin)).data.campaign.status).toBe("sending")
      const rows = await waitFor(async () => {
        const found = await campaignMessages(id)
        if (process.env.DEBUG_CAMPAIGN) console.log(found.map((m) => `${m.status}:${m.attempts}:${m.status_reason}:${m.send_after?.toISOString?.()}`).join("\n"))
        return found.length === VIP && found.every((m) => m.status === "delivered") ? found : undefined
      }, { what: "every campaign message delivered", attempts: 300 })
      expect(new Set(rows.map((m) => m.to)).size).toBe(VIP)
      expect(rows.every((m) => m.attempts === 1)).toBe(true)
      expect(rows.map((m) => m.to).sort()).toEqual(Array.from({ length: VIP }, (_, i) => phoneOf(i)).sort())
      expect(rows.some((m) => m.to === phoneOf(101) || m.to === phoneOf(102) || m.to === phoneOf(100))).toBe(false)
      expect(new Set(rows.map((m) => m.campaign_variant))).toEqual(new Set(["a", "b"]))
      const aText = rows.find((m) => m.campaign_variant === "a")
      expect(aText.body).toMatch(/^Maison Demo: Client\d+, -20% for VIPs this week: https:\/\/go\.maison-demo\.test\/r\/\w{10}\nReply STOP to opt out$/)

      // one tap on variant a's link
      const code = aText.body.match(/\/r\/(\w{10})/)[1]
      const tap = await api.get(`/r/${code}`, {
        headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Version/18.1 Mobile/15E148 Safari/604.1" },
        maxRedirects: 0,
        validateStatus: () => true,
      })
      expect(tap.status).toBe(302)
      expect(tap.headers.location).toContain(`utm_campaign=${id}`)

      // the job sees nothing waiting: the campaign is sent; results per variant add up to the messages
      expect((await advance({ campaign_id: id })).finished).toEqual([id])
      const done = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/campaigns/${id}`, admin)
        return data.results.reduce((n: number, r: any) => n + r.clicks, 0) === 1 ? data : undefined
      }, { what: "the click in the results" })
      expect(done.campaign).toMatchObject({ status: "sent", planned_count: VIP })
      expect(done.progress).toMatchObject({ total: VIP, delivered: VIP })
      expect(done.estimate).toBeNull()
      const byVariant = Object.fromEntries(done.results.map((r: any) => [r.variant, r]))
      for (const v of ["a", "b"]) {
        expect(byVariant[v]).toMatchObject({ sent: rows.filter((m) => m.campaign_variant === v).length, delivered: rows.filter((m) => m.campaign_variant === v).length })
        expect(byVariant[v].cost).toBeGreaterThan(0)
      }
      expect(byVariant.a).toMatchObject({ clicks: 1, unique_clicks: 1 })
      expect(byVariant.b).toMatchObject({ clicks: 0 })

      // the analytics page's API groups the same way
      const { data: analytics } = await api.get(`/admin/messaging/analytics?group_by=campaign,variant&campaign_id=${id}`, admin)
      expect(analytics.rows.map((r: any) => [r.campaign, r.variant, r.sent])).toEqual(
        ["a", "b"].map((v) => [id, v, byVariant[v].sent])
      )
      // a sent campaign cannot be edited, paused or resumed
      expect((await api.post(`/admin/messaging/campaigns/${id}`, { name: "x" }, admin).catch((e: any) => e.response)).status).toBe(400)
      expect((await api.post(`/admin/messaging/campaigns/${id}/resume`, {}, admin).catch((e: any) => e.response)).status).toBe(400)
    })

    it("runs an A/B test on a share, picks the winner by CTR and sends it to the rest", async () => {
      const phoneAt = (i: number) => `+3361${7000001 + i * 10}`
      for (let i = 0; i < VIP; i++) await consent(phoneAt(i), (await customer(300 + i)).id)
      const { data: seg } = await api.post("/admin/messaging/segments", { name: "Everyone", definition: { match: "all", rules: [] } }, admin)
      const { data } = await api.post(
        "/admin/messaging/campaigns",
        {
          name: "Subject test",
          segment_id: seg.segment.id,
          variants: [
            { id: "a", name: "Discount", weight: 1, sms_body: "{{first_name}}, -20%: https://shop.example.com/a" },
            { id: "b", name: "Gift", weight: 1, sms_body: "{{first_name}}, a gift with your order: https://shop.example.com/b" },
          ],
          ab_test: { test_share: 50, metric: "ctr", decide_after_hours: 0 },
        },
        admin
      )
      const id = data.campaign.id
      await api.post(`/admin/messaging/campaigns/${id}/schedule`, {}, admin)
      // phase 1: the test share only (about half), split between a and b
      const test = await advance({ campaign_id: id })
      expect(test.winners).toEqual({})
      const tested = await waitFor(async () => {
        const found = await campaignMessages(id)
        return found.length && found.every((m) => m.status === "delivered") ? found : undefined
      }, { what: "the test share delivered" })
      expect(tested.length).toBe(test.planned)
      expect(tested.length).toBeGreaterThan(0)
      expect(tested.length).toBeLessThan(VIP)
      const testedB = tested.find((m) => m.campaign_variant === "b")
      expect(testedB).toBeDefined()
      // one tap on b: b has the better click-through rate
      const code = testedB.body.match(/\/r\/(\w{10})/)[1]
      await api.get(`/r/${code}`, { headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 Safari/604.1" }, maxRedirects: 0, validateStatus: () => true })
      await waitFor(async () => ((await pg().raw(`SELECT count(*)::int AS n FROM sms_rcs_click`)).rows[0].n === 1 ? true : undefined), { what: "the click" })

      // phase 2: the winner, then the rest of the audience with it, nobody twice
      const decided = await advance({ campaign_id: id })
      expect(decided.winners).toEqual({ [id]: "b" })
      expect(decided.planned).toBe(VIP - tested.length)
      const all = await campaignMessages(id)
      expect(all).toHaveLength(VIP)
      expect(new Set(all.map((m) => m.to)).size).toBe(VIP)
      const testedIds = new Set(tested.map((m) => m.id))
      expect(all.filter((m) => !testedIds.has(m.id)).every((m) => m.campaign_variant === "b")).toBe(true)
      const { data: detail } = await api.get(`/admin/messaging/campaigns/${id}`, admin)
      expect(detail.campaign).toMatchObject({ phase: "rest", winner_variant: "b" })
      // the tap makes its phone a "clicked" customer for the next segment
      const { data: clicked } = await api.post(
        "/admin/messaging/segments/count",
        { definition: { match: "all", rules: [{ field: "clicked", operator: "within_days", value: 1 }] } },
        admin
      )
      expect(clicked.count).toBe(1)
    })

    it("saves a draft with its segment in one request: a refused draft leaves no segment, problems carry path and code", async () => {
      await consent(phoneOf(400), (await customer(400, { first_name: "Zoé" })).id)
      const segments = async () => (await api.get("/admin/messaging/segments", admin)).data.segments.length
      const before = await segments()
      const draft = {
        name: "Soldes",
        segment: { name: "Everyone", definition: { match: "all", rules: [] } },
        variants: [
          { id: "a", name: "A", weight: 50, sms_body: "" },
          { id: "b", name: "B", weight: 50, sms_body: "{{store_name}}: {{prenom}}, -10%" },
        ],
      }
      const refused = await api.post("/admin/messaging/campaigns/drafts", draft, admin).catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: "variants.0.sms_body", code: "too_small" }),
          expect.objectContaining({ path: "variants.1.sms_body", code: "custom", params: expect.objectContaining({ reason: "unknown_variable", name: "prenom" }) }),
        ])
      )
      const unsplit = await api
        .post("/admin/messaging/campaigns/drafts", { ...draft, variants: [{ id: "a", name: "A", weight: 40, sms_body: "Hi" }] }, admin)
        .catch((e: any) => e.response)
      expect(unsplit.data.problems).toEqual([expect.objectContaining({ path: "variants", params: { reason: "split", total: 40 } })])
      expect(await segments()).toBe(before)

      // the templates' names, and the old campaign name kept as an alias
      const { data: saved } = await api.post(
        "/admin/messaging/campaigns/drafts",
        { ...draft, variants: [{ id: "a", name: "A", weight: 100, sms_body: "{{store_name}}: {{customer_first_name}} / {{first_name}} {{customer_last_name}}" }] },
        admin
      )
      expect(saved.campaign).toMatchObject({ status: "draft", segment_id: saved.segment.id })
      expect(await segments()).toBe(before + 1)
      const { data: detail } = await api.get(`/admin/messaging/campaigns/${saved.campaign.id}`, admin)
      expect(detail.estimate.variants[0].body).toMatch(/^Maison Demo: Camille \/ Camille Martin\n/)

      // an edit refused whole changes neither the campaign nor its segment
      const badEdit = await api
        .post(`/admin/messaging/campaigns/drafts/${saved.campaign.id}`, { name: "", segment: { name: "Renamed", definition: { match: "all", rules: [] } } }, admin)
        .catch((e: any) => e.response)
      expect(badEdit.data.problems).toEqual([expect.objectContaining({ path: "name", code: "too_small" })])
      expect((await api.get(`/admin/messaging/segments/${saved.segment.id}`, admin)).data.segment.name).toBe("Everyone")

      // a draft is not canceled (it sent nothing): it is deleted, with its segment
      const cancel = await api.post(`/admin/messaging/campaigns/${saved.campaign.id}/cancel`, {}, admin).catch((e: any) => e.response)
      expect(cancel.status).toBe(400)
      expect(cancel.data.message).toContain("is a draft: it has sent nothing, so there is nothing to cancel")
      expect((await api.delete(`/admin/messaging/campaigns/${saved.campaign.id}`, admin)).data).toMatchObject({ deleted: true })
      expect(await segments()).toBe(before)
    })

    it("completes a campaign as soon as its last message has gone: its page says sent, without waiting for the job", async () => {
      await consent(phoneOf(500), (await customer(500)).id)
      const { data: saved } = await api.post(
        "/admin/messaging/campaigns/drafts",
        { name: "One", segment: { name: "All", definition: { match: "all", rules: [] } }, variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hi {{customer_first_name}}" }] },
        admin
      )
      const id = saved.campaign.id
      await api.post(`/admin/messaging/campaigns/${id}/schedule`, {}, admin)
      const run = await advance({ campaign_id: id })
      expect(run.started).toEqual([id])
      // the job ran once; from now on only the page asks
      const done = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/campaigns/${id}`, admin)
        return data.campaign.status === "sent" ? data : undefined
      }, { what: "the campaign completed", attempts: 120 })
      expect(done.campaign.sent_at).toBeTruthy()
      expect(done.progress.queued + done.progress.deferred + done.progress.sending).toBe(0)
    })

    it("is not completed while a text can still go out: an unknown one, or an RCS one whose SMS fallback may come", async () => {
      const { data: saved } = await api.post(
        "/admin/messaging/campaigns/drafts",
        { name: "Still out", segment: { name: "All", definition: { match: "all", rules: [] } }, variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hi" }] },
        admin
      )
      const id = saved.campaign.id
      // the campaign as the job leaves it once fanned out, with one message of its own set by hand
      await pg().raw(`UPDATE sms_rcs_campaign SET status = 'sending', phase = 'all', started_at = now(), fanned_out_at = now() WHERE id = ?`, [id])
      const messageId = `smsmsg_still_${Date.now()}`
      await pg().raw(
        `INSERT INTO sms_rcs_message (id, "to", channel, purpose, status, idempotency_key, campaign_id, campaign_variant)
         VALUES (?, '+33615999991', 'sms', 'marketing', 'unknown', ?, ?, 'a')`,
        [messageId, `still:${messageId}`, id]
      )
      const status = async () => (await api.get(`/admin/messaging/campaigns/${id}`, admin)).data.campaign.status
      // unknown: the reconciler may put it back to queued and send it
      expect(await status()).toBe("sending")
      // RCS sent, its deadline ahead, no SMS fallback yet: the fallback would be queued under this campaign
      await pg().raw(`UPDATE sms_rcs_message SET status = 'sent', channel = 'rcs', expires_at = now() + interval '1 hour' WHERE id = ?`, [messageId])
      expect(await status()).toBe("sending")
      // its fallback exists (and is final): nothing more can come of this text
      await pg().raw(
        `INSERT INTO sms_rcs_message (id, "to", channel, purpose, status, idempotency_key, campaign_id, fallback_of_id)
         VALUES (?, '+33615999991', 'sms', 'marketing', 'delivered', ?, ?, ?)`,
        [`${messageId}_fb`, `still:${messageId}:fb`, id, messageId]
      )
      expect(await status()).toBe("sent")
    })

    it("saves a draft's segment edits to a segment of its own when another campaign uses the segment", async () => {
      const { data: seg } = await api.post("/admin/messaging/segments", { name: "Shared", definition: { match: "all", rules: [] } }, admin)
      const make = async (name: string) =>
        (await api.post(
          "/admin/messaging/campaigns",
          { name, segment_id: seg.segment.id, variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hi" }] },
          admin
        )).data.campaign
      const [first, second] = [await make("First"), await make("Second")]
      const segmentCount = async () => Number((await pg().raw(`SELECT count(*) AS n FROM sms_rcs_segment WHERE deleted_at IS NULL`)).rows[0].n)
      const before = await segmentCount()
      const french = { name: "France only", definition: { match: "all", rules: [{ field: "country", operator: "in", value: ["FR"] }] } }

      const { data: edited } = await api.post(`/admin/messaging/campaigns/drafts/${first.id}`, { name: "First, France", segment: french }, admin)
      // the shared segment is as it was, for the second campaign
      expect((await api.get(`/admin/messaging/segments/${seg.segment.id}`, admin)).data.segment).toMatchObject({ name: "Shared", definition: { rules: [] } })
      expect((await api.get(`/admin/messaging/campaigns/${second.id}`, admin)).data.campaign.segment_id).toBe(seg.segment.id)
      // the first campaign has a new segment with the edits
      expect(edited.segment.id).not.toBe(seg.segment.id)
      expect(edited.campaign).toMatchObject({ name: "First, France", segment_id: edited.segment.id })
      expect((await api.get(`/admin/messaging/segments/${edited.segment.id}`, admin)).data.segment).toMatchObject(french)
      expect(await segmentCount()).toBe(before + 1)

      // that segment is its own now: a second edit changes it in place
      const { data: again } = await api.post(`/admin/messaging/campaigns/drafts/${first.id}`, { segment: { ...french, name: "France" } }, admin)
      expect(again.segment.id).toBe(edited.segment.id)
      expect(again.campaign.segment_id).toBe(edited.segment.id)
      expect((await api.get(`/admin/messaging/segments/${edited.segment.id}`, admin)).data.segment.name).toBe("France")
      expect(await segmentCount()).toBe(before + 1)
    })

    it("cancels a campaign: what was not sent is skipped, and the worker sends none of it", async () => {
      for (const i of [200, 201]) await consent(phoneOf(i), (await customer(i)).id)
      const { data: seg } = await api.post("/admin/messaging/segments", { name: "All", definition: { match: "all", rules: [] } }, admin)
      const { data } = await api.post(
        "/admin/messaging/campaigns",
        { name: "Later", segment_id: seg.segment.id, variants: [{ id: "a", name: "A", weight: 100, sms_body: "Hello {{first_name}}" }], throttle: { spread_minutes: 60 } },
        admin
      )
      await api.post(`/admin/messaging/campaigns/${data.campaign.id}/schedule`, {}, admin)
      await api.post(`/admin/messaging/campaigns/${data.campaign.id}/pause`, {}, admin)
      expect((await advance({ campaign_id: data.campaign.id })).started).toEqual([]) // paused before it started
      await api.post(`/admin/messaging/campaigns/${data.campaign.id}/resume`, {}, admin)
      expect((await advance({ campaign_id: data.campaign.id })).planned).toBe(2) // the second is due 30 minutes later
      const { data: canceled } = await api.post(`/admin/messaging/campaigns/${data.campaign.id}/cancel`, {}, admin)
      expect(canceled.campaign.status).toBe("canceled")
      const { rows } = await pg().raw(`SELECT status, status_reason FROM sms_rcs_message WHERE campaign_id = ? ORDER BY send_after`, [data.campaign.id])
      expect(rows[1]).toMatchObject({ status: "skipped", status_reason: "campaign_canceled" })
    })
  },
})
