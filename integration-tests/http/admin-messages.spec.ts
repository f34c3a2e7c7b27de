import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../helpers/admin-user"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-admin")
jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let ids: string[]

    beforeEach(async () => {
      const container = getContainer()
      const { email, password } = await createAdminUser(container)
      const { data } = await api.post("/auth/user/emailpass", { email, password })
      admin = { headers: { authorization: `Bearer ${data.token}` } }

      // Rows written straight through the module, as the send path would leave them.
      const messaging = container.resolve("messaging") as any
      ids = []
      const rows = [
        { order_id: "order_a", customer_id: "cus_1", to: "+33611111111", status: "skipped", channel: "sms" },
        { order_id: "order_a", customer_id: "cus_1", to: "+33611111111", status: "failed", channel: "sms" },
        { order_id: "order_b", customer_id: "cus_2", to: "+33622222222", status: "skipped", channel: "rcs" },
        { order_id: "order_c", customer_id: "cus_2", to: "+33622222222", status: "skipped", channel: "sms", purpose: "marketing" },
      ]
      for (const [i, row] of rows.entries()) {
        const { message } = await messaging.createMessageOnce({
          idempotency_key: `admin-test-${i}`,
          purpose: "transactional",
          template_key: "order_confirmation",
          body: `message ${i}`,
          ...row,
        })
        ids.push(message.id)
        await new Promise((r) => setTimeout(r, 5)) // distinct created_at for the order assertion
      }
    })

    const list = async (query = "") => (await api.get(`/admin/messaging/messages${query}`, admin)).data

    it("needs an admin session", async () => {
      const error = await api.get("/admin/messaging/messages").catch((e: any) => e.response)
      expect(error.status).toBe(401)
    })

    it("lists messages newest first with the documented shape", async () => {
      const data = await list()
      expect(data).toMatchObject({ count: 4, limit: 20, offset: 0 })
      expect(data.messages.map((m: any) => m.id)).toEqual([...ids].reverse())
      expect(Object.keys(data.messages[0])).toEqual(
        expect.arrayContaining(["id", "to", "channel", "purpose", "status", "body", "template_key", "order_id", "created_at"])
      )
    })

    it("paginates with limit and offset", async () => {
      const page = await list("?limit=2&offset=1")
      expect(page).toMatchObject({ count: 4, limit: 2, offset: 1 })
      expect(page.messages.map((m: any) => m.id)).toEqual([ids[2], ids[1]])
    })

    it.each([
      ["?order_id=order_a", [0, 1]],
      ["?customer_id=cus_2", [2, 3]],
      ["?to=%2B33622222222", [2, 3]],
      ["?status=failed", [1]],
      ["?status[]=failed&status[]=skipped&order_id=order_a", [0, 1]],
      ["?channel=rcs", [2]],
      ["?purpose=marketing", [3]],
      ["?order_id=order_a&status=skipped", [0]],
    ])("filters %s", async (query, expected) => {
      const data = await list(query)
      expect(data.messages.map((m: any) => m.id).sort()).toEqual(expected.map((i) => ids[i]).sort())
      expect(data.count).toBe(expected.length)
    })

    it.each([
      ["?status=bogus", /status.*delivered/],
      ["?channel=fax", /channel.*sms.*rcs/],
      ["?limit=0", /limit/],
      ["?limit=abc", /limit/],
      ["?unknown=1", /Unrecognized fields: 'unknown'/],
    ])("answers 400 to %s, naming the field", async (query, message) => {
      const error = await api.get(`/admin/messaging/messages${query}`, admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.type).toBe("invalid_data")
      expect(error.data.message).toMatch(message)
    })

    it("records consent obtained offline with the admin's note, and shows it with its ledger", async () => {
      const recorded = await api.post(
        "/admin/messaging/consents",
        { phone: "06 44 55 66 77", country_code: "FR", customer_id: "cus_9", purpose: "marketing", action: "grant", note: "Signed the paper form in the Lyon shop" },
        admin
      )
      expect(recorded.status).toBe(201)
      expect(recorded.data.consent).toEqual({ phone: "+33644556677", purpose: "marketing", status: "granted" })

      const { data } = await api.get("/admin/messaging/consents?customer_id=cus_9", admin)
      expect(data.consents).toEqual([expect.objectContaining({ phone: "+33644556677", purpose: "marketing", status: "granted" })])
      expect(data.events).toEqual([
        expect.objectContaining({ action: "grant", source: "admin", evidence: expect.objectContaining({ note: "Signed the paper form in the Lyon shop" }) }),
      ])
      expect(data.events[0].evidence.recorded_by).toMatch(/^user_/)
    })

    it.each([
      [{ phone: "+33644556677", purpose: "marketing", action: "grant" }, /note/],
      [{ phone: "+33644556677", purpose: "marketing", action: "grant", note: "ok" }, /note/],
      [{ phone: "12345", purpose: "marketing", action: "grant", note: "In the shop" }, /^Invalid phone/],
    ])("refuses offline consent without its proof or with a bad phone: %j", async (body, message) => {
      const error = await api.post("/admin/messaging/consents", body, admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toMatch(message)
    })

    it("exports everything about a phone, then erases it while keeping anonymous facts and the ledger's proof", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33611111111", customer_id: "cus_1", purpose: "marketing", action: "grant", source: "storefront_form", ip: "203.0.113.9", user_agent: "UA", wording: "Yes to offers" })
      await messaging.recordInbound({ from: "+33611111111", body: "Is it in stock?", provider: "twilio", provider_message_id: "SMin1", intent: "none" })

      const { data: exported } = await api.get("/admin/messaging/personal-data?phone=%2B33611111111", admin)
      expect(exported.subject.phones).toEqual(["+33611111111"])
      expect(exported.messages.map((m: any) => m.body).sort()).toEqual(["message 0", "message 1"])
      expect(exported.consent_events).toEqual([expect.objectContaining({ phone: "+33611111111", ip: "203.0.113.9", wording: "Yes to offers" })])
      expect(exported.inbound_messages).toEqual([expect.objectContaining({ body: "Is it in stock?" })])

      const { data } = await api.post("/admin/messaging/personal-data/erase", { phone: "+33611111111" }, admin)
      expect(data.erased).toMatchObject({ phones: 1, messages: 2, inbound_messages: 1, consent_events: 1, consents: 1, suppressions: 0 })

      const after = (await api.get(`/admin/messaging/messages?customer_id=cus_1`, admin)).data
      expect(after.count).toBe(2)
      expect(after.messages.every((m: any) => m.to === null && m.body === null && m.status && m.template_key)).toBe(true)
      const { data: again } = await api.get("/admin/messaging/personal-data?phone=%2B33611111111", admin)
      expect(again.messages).toEqual([])
      expect(again.inbound_messages).toEqual([])
      const [event] = await messaging.listConsentEvents({ customer_id: "cus_1" })
      // the store's wording is kept (it is the store's text, and the proof); the person's traces are not
      expect(event).toMatchObject({ action: "grant", wording: "Yes to offers", ip: null, user_agent: null })
      expect(event.phone).toMatch(/^erased:[0-9a-f]{32}$/)
    })

    it("imports existing subscribers: good rows recorded with their line as proof, bad rows reported", async () => {
      const csv = [
        "phone,purpose,action,occurred_at,wording,wording_version,note,customer_id",
        "+33655555501,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form,cus_imp",
        "not-a-phone,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form,",
      ].join("\n")
      const { data, status } = await api.post("/admin/messaging/consents/import", { csv }, admin)
      expect(status).toBe(201)
      expect(data).toMatchObject({ imported: 1, rejected: [{ line: 3, reason: expect.stringMatching(/^invalid_phone/) }] })
      const { data: ledger } = await api.get("/admin/messaging/consents?phone=%2B33655555501", admin)
      expect(ledger.consents).toEqual([expect.objectContaining({ status: "granted", customer_id: "cus_imp" })])
      expect(ledger.events[0]).toMatchObject({
        source: "import",
        occurred_at: "2025-01-10T09:00:00.000Z",
        evidence: expect.objectContaining({ import_id: data.import_id, line: 2, note: "Loyalty card form" }),
      })

      const nothing = await api.post("/admin/messaging/consents/import", { csv: "phone\n" }, admin).catch((e: any) => e.response)
      expect(nothing.status).toBe(400)
    })

    it("lists every consent without a customer or a phone, and refuses an unknown filter value", async () => {
      const { data } = await api.get("/admin/messaging/consents", admin)
      expect(data).toMatchObject({ count: expect.any(Number), limit: 20, offset: 0 })
      const error = await api.get("/admin/messaging/consents?purpose=newsletter", admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
    })

    it("retrieves one message, and answers 404 for an unknown id", async () => {
      const { data } = await api.get(`/admin/messaging/messages/${ids[1]}`, admin)
      expect(data.message).toMatchObject({ id: ids[1], status: "failed", body: "message 1", order_id: "order_a" })

      const error = await api.get("/admin/messaging/messages/msg_nope", admin).catch((e: any) => e.response)
      expect(error.status).toBe(404)
      expect(error.data.message).toBe("Message with id: msg_nope was not found")
    })

    describe("resend", () => {
      const resend = (id: string, headers = admin.headers) =>
        api.post(`/admin/messaging/messages/${id}/resend`, {}, { headers }).catch((e: any) => e.response)

      it("needs an admin session", async () => {
        const error = await api.post(`/admin/messaging/messages/${ids[1]}/resend`, {}).catch((e: any) => e.response)
        expect(error.status).toBe(401)
      })

      it("sends a failed transactional message again once, however often it is asked, and audits it", async () => {
        const [a, b] = await Promise.all([resend(ids[1]), resend(ids[1])])
        expect([a.status, b.status].sort()).toEqual([200, 201])
        expect(a.data.message.id).toBe(b.data.message.id)
        const copy = a.data.message
        expect(copy.id).not.toBe(ids[1])
        expect(copy).toMatchObject({ body: "message 1", to: "+33611111111", order_id: "order_a", customer_id: "cus_1", channel: "sms", purpose: "transactional" })
        expect(copy.idempotency_key).toBe(`${ids[1]}:resend:1`)
        expect(copy.metadata).toMatchObject({ resend_of: ids[1], resend_attempt: 1 })

        const again = await resend(ids[1])
        expect(again.status).toBe(200)
        expect(again.data.message.id).toBe(copy.id)
        expect((await list("?order_id=order_a")).count).toBe(3)

        const { data: audit } = await api.get("/admin/messaging/audit-log?action=message.resend", admin)
        expect(audit.entries).toEqual([
          expect.objectContaining({ action: "message.resend", actor_id: expect.stringMatching(/^user_/), subject: expect.objectContaining({ message_id: ids[1], new_message_id: copy.id }) }),
        ])
      })

      it("refuses a marketing message, a message that did not fail, an opted-out phone and an unknown id, with the reason", async () => {
        const messaging = getContainer().resolve("messaging") as any
        const { message: marketing } = await messaging.createMessageOnce({
          idempotency_key: "admin-test-marketing-failed", purpose: "marketing", to: "+33633333333", status: "failed", channel: "sms", body: "promo",
        })
        const refusedMarketing = await resend(marketing.id)
        expect(refusedMarketing.status).toBe(400)
        expect(refusedMarketing.data.message).toMatch(/^Not resent: marketing messages are not resent/)

        const skipped = await resend(ids[0])
        expect(skipped.status).toBe(400)
        expect(skipped.data.message).toMatch(/only a failed message can be resent; this one is skipped/)

        await messaging.recordConsent({ phone: "+33644444444", purpose: "transactional", action: "revoke", source: "keyword" })
        const { message: stopped } = await messaging.createMessageOnce({
          idempotency_key: "admin-test-stopped-failed", purpose: "transactional", to: "+33644444444", status: "failed", channel: "sms", body: "Your order shipped",
        })
        const refusedStop = await resend(stopped.id)
        expect(refusedStop.status).toBe(400)
        expect(refusedStop.data.message).toMatch(/^Not resent: opted_out/)

        expect((await resend("msg_nope")).status).toBe(404)
        expect((await list("?to=%2B33644444444")).count).toBe(1)
      })
    })

    it("finds messages by the phone as typed and by a date range, and refuses a zone-less date", async () => {
      expect((await list("?to=06%2011%2011%2011%2011")).count).toBe(2)
      const { messages } = await list()
      const newest = messages[0].created_at
      const from = encodeURIComponent(new Date(new Date(newest).getTime() - 1).toISOString())
      expect((await list(`?created_from=${from}`)).messages.map((m: any) => m.id)).toEqual([ids[3]])
      expect((await list(`?created_to=${from}`)).count).toBe(3)
      const error = await api.get("/admin/messaging/messages?created_from=2026-12-01", admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toMatch(/created_from/)
    })

    it("gives the overview: sent today and this month without test sends, failures by reason, opt-outs, spend, next campaign, providers", async () => {
      const messaging = getContainer().resolve("messaging") as any
      const now = new Date()
      const sent = async (key: string, extra: Record<string, unknown>) => {
        const { message } = await messaging.createMessageOnce({
          idempotency_key: key, purpose: "transactional", to: "+33655555555", channel: "sms", body: key, status: "sent", ...extra,
        })
        await messaging.updateMessages({ id: message.id, sent_at: now, ...(extra.status === "failed" ? { failed_at: now } : {}) })
      }
      await sent("ov-1", { cost_amount: 0.045, cost_currency_code: "EUR" })
      await sent("ov-2", { cost_amount: 0.09, cost_currency_code: "EUR" })
      await sent("ov-test", { metadata: { test: true }, cost_amount: 0.045, cost_currency_code: "EUR" })
      await sent("ov-fail-1", { status: "failed", status_reason: "SBX_INVALID_DESTINATION: sandbox: the destination cannot receive messages" })
      await sent("ov-fail-2", { status: "failed", status_reason: "SBX_INVALID_DESTINATION: sandbox: the destination cannot receive messages" })
      await messaging.recordConsent({ phone: "+33666666666", purpose: "marketing", action: "revoke", source: "keyword" })

      const error = await api.get("/admin/messaging/overview?x=1", admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      const { data } = await api.get("/admin/messaging/overview", admin)
      expect(data.overview).toMatchObject({
        sent_today: 4,
        sent_this_month: 4,
        test_sends_today: 1,
        failures_24h: { total: 2, reasons: [{ code: "SBX_INVALID_DESTINATION", count: 2, reason: expect.stringMatching(/cannot receive/) }] },
        opt_outs_this_week: 1,
        spend_this_month: [{ currency_code: "EUR", amount: 0.135 }],
        next_campaign: null,
        providers: [expect.objectContaining({ id: "sandbox", ok: true, roles: expect.arrayContaining(["sms"]) })],
      })
      expect(typeof data.overview.time_zone).toBe("string")
      const unauthenticated = await api.get("/admin/messaging/overview").catch((e: any) => e.response)
      expect(unauthenticated.status).toBe(401)
    })
  },
})
