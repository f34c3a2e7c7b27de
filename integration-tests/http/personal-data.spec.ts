import { createHash } from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-personal-data")
// tracked links on, so the person's texts leave links, targets and clicks behind
process.env.SMS_RCS_TRACKING_BASE_URL = "https://go.maison-demo.test"
jest.setTimeout(180_000)

const PHONE = "+33645678912"
const NATIONAL = "06 45 67 89 12"
/** The significant digits: found in "+33645678912", "0645678912", "06 45 67 89 12", "33645678912" … */
const DIGITS = "645678912"
const STRANGER = "+33677788899"
const STOP_TEXT = "STOP ALL merci Jeanne"
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex")

type Hit = { table: string; column: string; what: string; sample: string }

/**
 * Every text, varchar, json, jsonb and array column of every table in the database, searched for the
 * number in any format (its digits, whatever separates them), its unsalted SHA-256 (whole or cut, as the
 * old `erased:` stand-in was), and the person's STOP text.
 */
async function findTraces(knex: any): Promise<Hit[]> {
  const { rows: columns } = await knex.raw(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
     ORDER BY table_name, column_name`
  )
  const needles = [
    { what: "sha256 of the E.164 number", sql: `strpos(lower(c), ?) > 0`, arg: sha256(PHONE).slice(0, 24) },
    { what: "sha256 of the national number", sql: `strpos(lower(c), ?) > 0`, arg: sha256("0645678912").slice(0, 24) },
    { what: "the STOP text", sql: `strpos(lower(c), ?) > 0`, arg: STOP_TEXT.toLowerCase() },
    { what: "the number", sql: `strpos(regexp_replace(c, '[^0-9]', '', 'g'), ?) > 0`, arg: DIGITS },
  ]
  const hits: Hit[] = []
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const { rows } = await knex.raw(
        `SELECT c FROM (SELECT ??::text AS c FROM ??) t WHERE c IS NOT NULL AND ${needle.sql} LIMIT 1`,
        [column_name, table_name, needle.arg]
      )
      if (rows.length) hits.push({ table: table_name, column: column_name, what: needle.what, sample: String(rows[0].c).slice(0, 200) })
    }
  }
  return hits
}

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let adminUserId: string

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
      adminUserId = (await api.get("/admin/users/me", admin)).data.user.id
    })

    const messageOf = (id: string) => api.get(`/admin/messaging/messages/${id}`, admin).then((r: any) => r.data.message)
    const sendTest = async (sms_body: string, phone: string) => {
      const res = await api.post("/admin/messaging/templates/send-test", { key: "order_shipped", locale: "fr", sms_body, phone }, admin)
      return res.data.message.id as string
    }
    const settled = (id: string, statuses: string[]) =>
      waitFor(async () => {
        const m = await messageOf(id)
        return statuses.includes(m.status) ? m : undefined
      }, { what: `message ${id} to reach ${statuses.join("/")}` })

    it("erases a customer so that no table holds their number, its hash or their words, and keeps their STOP ALL", async () => {
      const container = getContainer()
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const messaging = container.resolve("messaging") as any

      // The customer, with the phone in national form on their account: the proof it is theirs.
      const { data: created } = await api.post("/admin/customers", { email: "jeanne@example.com", first_name: "Jeanne", phone: NATIONAL }, admin)
      const customerId = created.customer.id as string

      // A text through the real pipeline, with a tracked link whose target carries the number, and a tap on it.
      const linked = await sendTest(`Bonjour Jeanne, votre panier : http://localhost:8000/cart/recover?tel=0645678912`, PHONE)
      const sent = await settled(linked, ["delivered"])
      const code = sent.body.match(/\/r\/([0-9A-Za-z]+)/)[1]
      const tap = await api.get(`/r/${code}`, {
        headers: { "user-agent": "Mozilla/5.0 (iPhone de Jeanne)", "x-forwarded-for": "198.51.100.23" },
        maxRedirects: 0,
        validateStatus: () => true,
      })
      expect(tap.status).toBe(302)
      await waitFor(async () => (await knex("sms_rcs_click").where({ user_agent: "Mozilla/5.0 (iPhone de Jeanne)" }).first()) ?? undefined, {
        what: "the click recorded",
      })

      // Rows as other paths leave them: a campaign's key names the number, a provider's error quotes it,
      // a text with no usable phone still says her name.
      await messaging.createMessageOnce({
        idempotency_key: `campaign:smscamp_1:${PHONE}`, to: PHONE, raw_to: NATIONAL, customer_id: customerId, purpose: "marketing",
        channel: "sms", status: "failed", status_reason: `twilio: The 'To' number ${NATIONAL} is not reachable`, body: "Soldes Jeanne !", segments: 1,
        metadata: { note: `called ${NATIONAL}` },
      })
      await messaging.createMessageOnce({
        idempotency_key: "order.placed:order_nophone", to: null, raw_to: null, customer_id: customerId, purpose: "transactional",
        channel: "sms", status: "skipped", status_reason: "missing_phone: no phone number", body: "Merci Jeanne pour votre commande", segments: 1,
      })
      // a reminder still waiting for its time
      const { message: waiting } = await messaging.createMessageOnce({
        idempotency_key: "cart:waiting", to: PHONE, customer_id: customerId, purpose: "transactional", channel: "sms", status: "queued",
        send_after: new Date(Date.now() + 3_600_000), body: "Votre panier vous attend, Jeanne", segments: 1,
      })
      // what the RCS provider said about her phone
      await messaging.createPhoneCapabilities({
        phone: PHONE, provider: "sandbox", rcs_capable: true, features: ["RICHCARD_STANDALONE"], checked_at: new Date(), expires_at: new Date(Date.now() + 86_400_000),
      })
      // she asked to be texted when a shirt is back, from her phone's browser
      await messaging.backInStock.request({
        phone: PHONE, variant_id: "variant_01SHIRT", customer_id: customerId, locale: "fr", wording: "Prévenez-moi une seule fois",
        wording_version: "v1", ip: "198.51.100.7", user_agent: "Mozilla/5.0 (iPhone de Jeanne)",
      })
      // consent: granted in the shop (recorded by the admin), then her STOP ALL, by text, in her words
      await api.post("/admin/messaging/consents", { phone: NATIONAL, country_code: "FR", customer_id: customerId, purpose: "marketing", action: "grant", note: "Signed the loyalty form in the shop" }, admin)
      // the inbound webhooks' own workflow, as the provider's webhook would run it
      const { handleInboundMessageWorkflow } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      await handleInboundMessageWorkflow(container).run({
        input: { from: PHONE, to: "+33700000000", body: STOP_TEXT, provider: "sandbox", provider_message_id: "SMstop1" },
      })
      expect(await messaging.consentStateOf(PHONE)).toEqual({ marketing: "revoked", transactional: "revoked" })
      // while logged in as her, someone typed a stranger's number into the storefront's form
      await messaging.recordConsent({ phone: STRANGER, customer_id: customerId, purpose: "marketing", action: "request", source: "storefront_form", wording: "Yes, text me offers", ip: "198.51.100.23", user_agent: "Mozilla/5.0 (iPhone de Jeanne)" })

      // Access follows her proven phone only.
      const { data: exported } = await api.get(`/admin/messaging/personal-data?customer_id=${customerId}`, admin)
      expect(exported.subject.phones).toEqual([PHONE])
      expect(exported.consent_events.map((e: any) => e.phone)).not.toContain(STRANGER)
      expect(exported.consent_events.some((e: any) => e.wording === STOP_TEXT)).toBe(true)
      expect(exported.clicks).toHaveLength(1)
      expect(exported.phone_capabilities).toHaveLength(1)
      expect(exported.back_in_stock_requests).toMatchObject([{ variant_id: "variant_01SHIRT", ip: "198.51.100.7" }])
      expect(JSON.stringify(exported)).not.toContain(STRANGER)

      // the search below finds what is there: before the erasure, the number, its words, everywhere
      const before = new Set((await findTraces(knex)).map((h) => `${h.table}.${h.column}: ${h.what}`))
      expect([...before]).toEqual(
        expect.arrayContaining([
          "customer.phone: the number",
          "sms_rcs_message.to: the number",
          "sms_rcs_message.raw_to: the number",
          "sms_rcs_message.status_reason: the number",
          "sms_rcs_message.idempotency_key: the number",
          "sms_rcs_tracked_link.target_url: the number",
          "sms_rcs_phone_capability.phone: the number",
          "sms_rcs_back_in_stock_request.phone: the number",
          "sms_rcs_consent.phone: the number",
          "sms_rcs_consent_event.phone: the number",
          "sms_rcs_consent_event.wording: the STOP text",
          "sms_rcs_inbound_message.body: the STOP text",
        ])
      )

      const { data } = await api.post("/admin/messaging/personal-data/erase", { customer_id: customerId }, admin)
      expect(data.erased).toMatchObject({ phones: 1, clicks: 1, phone_capabilities: 1, inbound_messages: 1, suppressions: 2, back_in_stock_requests: 1 })
      expect(data.erased.messages).toBeGreaterThanOrEqual(5) // the test text, the STOP reply, the campaign row, the one with no phone, the waiting one

      // The store erases its own copy in Medusa (the customer's phone), which the plugin leaves alone.
      await api.post(`/admin/customers/${customerId}`, { phone: null }, admin)

      expect(await findTraces(knex)).toEqual([])

      // What is kept: the facts, the ledger under a keyed stand-in, the stranger's own consent.
      // the waiting text will not go: its recipient is no longer known here
      expect(await knex("sms_rcs_message").where({ id: waiting.id }).first("status", "status_reason", "to")).toEqual({
        status: "skipped", status_reason: "erased: the recipient's personal data was erased before it was sent", to: null,
      })
      const facts = await knex("sms_rcs_message").where({ customer_id: customerId }).select("status", "status_reason", "template_key", "segments")
      expect(facts).toEqual(expect.arrayContaining([expect.objectContaining({ status: "failed", status_reason: "twilio", segments: 1 })]))
      // one history under one stand-in: the admin's grant (tied to her) and her STOP ALL (by phone only)
      const [grant] = await knex("sms_rcs_consent_event").where({ customer_id: customerId })
      expect(grant.phone).toMatch(/^erased:[0-9a-f]{32}$/)
      const ledger = await knex("sms_rcs_consent_event").where({ phone: grant.phone }).orderBy(["occurred_at", "purpose"])
      expect(ledger.map((e: any) => [e.action, e.purpose, e.source, e.wording, e.ip, e.evidence])).toEqual([
        ["grant", "marketing", "admin", null, null, null],
        ["revoke", "marketing", "keyword", null, null, null],
        ["revoke", "transactional", "keyword", null, null, null],
      ])
      const stranger = await knex("sms_rcs_consent").where({ phone: STRANGER }).first()
      expect(stranger).toMatchObject({ status: "pending", customer_id: null })
      expect((await knex("sms_rcs_tracked_link").where({ code }).first()).target_url).toBe("http://localhost:8000")
      // an old link still lands on the store
      const later = await api.get(`/r/${code}`, { maxRedirects: 0, validateStatus: () => true })
      expect(later.status).toBe(302)
      expect(later.headers.location).toMatch(/^http:\/\/localhost:8000\/\?sms_rcs_ref=/)

      // Her STOP ALL outlives the erasure: a text to her number is still refused.
      const after = await sendTest("Test après effacement", PHONE)
      const refused = await settled(after, ["suppressed", "delivered", "sent"])
      expect(refused).toMatchObject({ status: "suppressed", status_reason: expect.stringMatching(/^opted_out/) })
      // and a number that never opted out is not caught by it
      const other = await sendTest("Test autre numéro", "+33611223344")
      expect((await settled(other, ["suppressed", "delivered"])).status).toBe("delivered")

      // Who did it, in the audit log, with ids and counts only.
      const { data: audit } = await api.get("/admin/messaging/audit-log?action=personal_data.erase", admin)
      expect(audit.entries).toEqual([
        expect.objectContaining({
          actor_id: adminUserId,
          action: "personal_data.erase",
          subject: { customer_id: customerId },
          summary: expect.objectContaining({ phones: 1, suppressions: 2 }),
          occurred_at: expect.any(String),
        }),
      ])
    })

    it("erases by phone a number that opted out, and the number stays refused", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655554444", purpose: "transactional", action: "revoke", source: "keyword", wording: "STOP ALL" })
      await api.post("/admin/messaging/personal-data/erase", { phone: "+33655554444" }, admin)
      expect(await messaging.consentStateOf("+33655554444")).toEqual({ transactional: "revoked" })

      // its owner texts START later: their new word decides again
      await messaging.recordConsent({ phone: "+33655554444", purpose: "transactional", action: "grant", source: "keyword", wording: "START" })
      expect(await messaging.consentStateOf("+33655554444")).toEqual({ transactional: "granted" })
    })

    it("answers 404 for a customer it cannot find, and 400 without a phone or customer", async () => {
      const missing = await api.post("/admin/messaging/personal-data/erase", { customer_id: "cus_nope" }, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toMatch(/cus_nope was not found/)
      const empty = await api.post("/admin/messaging/personal-data/erase", {}, admin).catch((e: any) => e.response)
      expect(empty.status).toBe(400)
    })

    it("logs consent imports and consent recorded by hand with the acting admin, without the phones", async () => {
      const csv = [
        "phone,purpose,action,occurred_at,wording,wording_version,note",
        "+33655555501,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
        "bad,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
      ].join("\n")
      const { data: imported } = await api.post("/admin/messaging/consents/import", { csv }, admin)
      const { data: recorded } = await api.post(
        "/admin/messaging/consents",
        { phone: "+33655555502", purpose: "marketing", action: "revoke", note: "Asked at the counter" },
        admin
      )

      const { data } = await api.get("/admin/messaging/audit-log", admin)
      expect(data.count).toBe(2)
      expect(data.entries).toEqual([
        expect.objectContaining({
          actor_id: adminUserId, actor_type: "user", action: "consent.record",
          subject: { event_id: recorded.event_id, customer_id: null }, summary: { purpose: "marketing", action: "revoke", status: "revoked" },
        }),
        expect.objectContaining({
          actor_id: adminUserId, actor_type: "user", action: "consent.import",
          subject: { import_id: imported.import_id }, summary: { imported: 1, rejected: 1 },
        }),
      ])
      expect(JSON.stringify(data)).not.toMatch(/555550[12]/)

      const filtered = await api.get("/admin/messaging/audit-log?action=consent.import&limit=1", admin)
      expect(filtered.data).toMatchObject({ count: 1, limit: 1, offset: 0 })
      const bad = await api.get("/admin/messaging/audit-log?action=nope", admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      const anonymous = await api.get("/admin/messaging/audit-log").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
    })
  },
})
