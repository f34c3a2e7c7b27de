import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-hostile-input")
process.env.SMS_RCS_QUIET_HOURS = "off"
process.env.SMS_RCS_TRACKING_BASE_URL = "https://go.maison-demo.test"
// a report that waits on a lock this test holds is stopped after a second
process.env.SMS_RCS_REPORT_TIMEOUT_MS = "1000"
jest.setTimeout(240_000)

const KB100 = 100_000
const TOO_LONG = /100,000 characters long; providers accept at most 1,600 \(Twilio's limit\): shorten it/

/**
 * What a shopper, or an admin's paste, can send the server: a 100 KB first name, a URL as a name, a
 * 100 KB template, a formula in a CSV cell, a report over years. Every answer is the right one, and
 * the server goes on answering.
 */
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ store, admin } = await openStoreSession(api, getContainer()))
    })

    const pg = () => getContainer().resolve("__pg_connection__")
    const post = (path: string, body: unknown) => api.post(path, body, admin).catch((e: any) => e.response)
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)
    const send = async (input: Record<string, unknown>) => {
      const { sendMessageWorkflow } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      return (await sendMessageWorkflow(getContainer()).run({ input })).result.message
    }
    const messageRow = async (id: string) => (await pg().raw(`SELECT * FROM sms_rcs_message WHERE id = ?`, [id])).rows[0]
    const linksOf = async (messageId: string) =>
      (await pg().raw(`SELECT code, target_url FROM sms_rcs_tracked_link WHERE message_id = ? ORDER BY target_url`, [messageId])).rows as {
        code: string
        target_url: string
      }[]
    const tap = (code: string) => api.get(`/r/${code}`, { maxRedirects: 0, validateStatus: () => true })
    /** Holds an exclusive lock on `table` while `during` runs: whatever reads the table waits. */
    const whileLocked = async <T>(table: string, during: () => Promise<T>): Promise<T> => {
      const trx = await pg().transaction()
      try {
        await trx.raw(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`)
        return await during()
      } finally {
        await trx.rollback()
      }
    }

    describe("a shopper's text in a message", () => {
      it("welcomes a customer registered with a 100 KB URL-like first name by its first 200 characters, links to the storefront only, and keeps answering", async () => {
        await api.post("/admin/messaging/automations/welcome", { delay_minutes: 0 }, admin)
        const phone = "+33 6 41 51 61 71"
        await post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Shop counter form" })
        const name = `https://evil.example/${".".repeat(KB100 - 21)}`
        const email = "huge-name@example.com"
        const { data: auth } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-1234" })
        const { data } = await api.post(
          "/store/customers",
          { email, first_name: name, phone },
          { headers: { authorization: `Bearer ${auth.token}`, "x-publishable-api-key": store.publishable_key } }
        )
        // the server answers while the welcome is rendered
        expect((await api.get("/health")).status).toBe(200)

        const welcome = await waitFor(async () => {
          const { data: list } = await api.get(`/admin/messaging/messages?customer_id=${data.customer.id}&template_key=welcome`, admin)
          return list.messages[0]?.status === "delivered" ? list.messages[0] : undefined
        }, { what: "the welcome text" })
        const [storefrontLink] = await linksOf(welcome.id)
        expect(welcome.body).toBe(
          `Maison Demo: welcome ${name.slice(0, 200)}! You will be the first to hear about new arrivals and offers. ` +
            `https://go.maison-demo.test/r/${storefrontLink.code}\nReply STOP to opt out`
        )
        // the name's URL is sent as the shopper wrote it: no redirect to evil.example on the store's domain
        expect((await linksOf(welcome.id)).map((l) => new URL(l.target_url).host)).toEqual(["localhost:8000"])
        const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM sms_rcs_tracked_link WHERE target_url LIKE '%evil.example%'`)
        expect(rows[0].n).toBe(0)
        expect((await api.get("/health")).status).toBe(200)
      })

      it("records a text that is longer than a provider accepts once filled in as failed, with the reason, and never sends it", async () => {
        const message = await send({
          template_key: "vip_note",
          idempotency_key: "hostile:too-long",
          phone: "+33 6 41 51 61 72",
          body: Array.from({ length: 10 }, () => "{{note}}").join(" "),
          variables: { note: "n".repeat(KB100) },
        })
        expect(message.status).toBe("failed")
        expect(message.status_reason).toMatch(
          /^text_too_long: the text of "vip_note", filled in, is 2,009 characters long; providers accept at most 1,600 \(Twilio's limit\)/
        )
        const row = await messageRow(message.id)
        expect(row).toMatchObject({ status: "failed", segments: 0, sent_at: null, provider_message_id: null })
        expect(row.body).toHaveLength(1_600)
      })
    })

    describe("/r/:code", () => {
      const insertLink = async (code: string, target: string, expiresAt: Date) => {
        await pg()("sms_rcs_tracked_link").insert({ id: `smslnk_${code}`, code, target_url: target, channel: "sms", expires_at: expiresAt })
      }
      const inAMonth = () => new Date(Date.now() + 30 * 86_400_000)

      it("sends a link whose stored target cannot be used to the store's home page, never a 500", async () => {
        await insertLink("BadTarget01", "::not a url::", inAMonth())
        await insertLink("BadTarget02", "javascript:alert(1)", inAMonth())
        await insertLink("BadTarget03", "::expired, not a url::", new Date(Date.now() - 86_400_000))
        for (const code of ["BadTarget01", "BadTarget02", "BadTarget03"]) {
          const res = await tap(code)
          expect([code, res.status, res.headers.location]).toEqual([code, 302, "http://localhost:8000"])
        }
      })

      it("answers a code that is not valid percent-encoding with the 404 page, never a 500", async () => {
        for (const code of ["%", "%E0%A4%A", "abc%ZZdef", "%C0%AF"]) {
          const res = await tap(code)
          expect([code, res.status]).toEqual([code, 404])
          expect(res.data).toContain("This link does not exist")
        }
      })

      it("keeps answering real links from memory while unknown codes flood in, and answers unknown ones with a 404", async () => {
        await insertLink("RealLink001", "https://shop.example.com/sale", inAMonth())
        expect((await tap("RealLink001")).headers.location).toBe("https://shop.example.com/sale?sms_rcs_ref=RealLink001")
        // the row changes behind the cache's back: only a link pushed out of memory would show it
        await pg()("sms_rcs_tracked_link").where({ code: "RealLink001" }).update({ target_url: "https://shop.example.com/other" })

        const messaging = getContainer().resolve("messaging")
        for (let i = 0; i < 10_500; i++) {
          expect(await messaging.resolveLink(`Unknown${String(i).padStart(6, "0")}`)).toBeNull()
        }
        expect((await tap("RealLink001")).headers.location).toBe("https://shop.example.com/sale?sms_rcs_ref=RealLink001")
        const unknown = await tap("Unknown000042")
        expect(unknown.status).toBe(404)
        expect(unknown.data).toContain("This link does not exist")
        expect((await tap("NeverSeen9999")).status).toBe(404)
      })
    })

    describe("texts longer than a provider accepts are refused before they are counted", () => {
      const draft = (sms_body: string, extra: Record<string, unknown> = {}) => ({ key: "order_confirmation", locale: "en", sms_body, ...extra })

      it("templates API: a 100 KB text gets a 400 that says why, on preview, save and test send", async () => {
        for (const path of ["/admin/messaging/templates/preview", "/admin/messaging/templates"]) {
          const res = await post(path, draft("a".repeat(KB100)))
          expect([path, res.status]).toEqual([path, 400])
          expect(res.data.message).toMatch(TOO_LONG)
          expect(res.data.message).toContain("sms_body")
        }
        const test = await post("/admin/messaging/templates/send-test", { ...draft("a".repeat(KB100)), phone: "+33 6 41 51 61 73" })
        expect(test.status).toBe(400)
        expect(test.data.message).toMatch(TOO_LONG)
        // the editor keeps working below the limit
        expect((await post("/admin/messaging/templates/preview", draft("Order {{order_display_id}} confirmed"))).status).toBe(200)
      })

      it("templates API: a text that fits, but not once the opt-out mention is added, is refused at preview with its place", async () => {
        const res = await post("/admin/messaging/templates/preview", draft("b".repeat(1_590), { key: "win_back" }))
        expect(res.status).toBe(400)
        expect(res.data.problems).toEqual([
          { path: "sms_body", message: expect.stringMatching(/^the SMS text, filled in, is 1,61\d characters long; providers accept at most 1,600/) },
        ])
      })

      it("campaign preview: a 100 KB text, or a stored template too long for a provider, gets a 400 that says why", async () => {
        const res = await post("/admin/messaging/campaigns/preview", { sms_body: "c".repeat(KB100) })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(TOO_LONG)

        // a template saved by an older version, when 20,000 characters were accepted
        await pg()("sms_rcs_template").insert({
          id: "smstpl_hostile_long",
          key: "legacy_long",
          locale: "en",
          purpose: "marketing",
          sms_body: "d".repeat(5_000),
          enabled: true,
        })
        const stored = await post("/admin/messaging/campaigns/preview", { template_key: "legacy_long", locale: "en" })
        expect(stored.status).toBe(400)
        expect(stored.data.problems).toEqual([
          { path: "sms_body", message: expect.stringMatching(/is 5,0\d\d characters long; providers accept at most 1,600/) },
        ])
      })
    })

    describe("analytics, segment counts and attribution recompute", () => {
      it("exports CSV cells that a spreadsheet would run as formulas as plain text", async () => {
        const message = await send({
          template_key: '=HYPERLINK("https://evil.example","open")',
          idempotency_key: "hostile:csv",
          phone: "+33 6 41 51 61 74",
          body: "Your parcel is on its way",
        })
        await waitFor(async () => ((await messageRow(message.id)).sent_at ? true : undefined), { what: "the message sent" })
        const res = await get("/admin/messaging/analytics?group_by=template&format=csv")
        expect(res.status).toBe(200)
        const line = (res.data as string).split("\n").find((l) => l.includes("HYPERLINK"))
        expect(line?.startsWith(`"'=HYPERLINK(""https://evil.example"",""open"")",1,`)).toBe(true)
      })

      it("reads calendar days in the store's zone and refuses days, instants and zones that are not", async () => {
        const paris = await get("/admin/messaging/analytics?from=2026-11-25&to=2026-11-25&time_zone=europe/paris")
        expect(paris.status).toBe(200)
        expect(paris.data).toMatchObject({ time_zone: "Europe/Paris", from: "2026-11-24T23:00:00.000Z", to: "2026-11-25T23:00:00.000Z" })
        for (const [query, message] of [
          ["from=2026-02-30", /"2026-02-30" is not a calendar day/],
          ["from=yesterday", /"yesterday" is neither a day \(YYYY-MM-DD\) nor a date and time/],
          ["time_zone=Mars/Olympus_Mons", /expected an IANA time zone such as "Europe\/Paris"/],
          [`from=${"9".repeat(100)}`, /Value for field 'from' too big, expected at most: '40'/],
        ] as const) {
          const res = await get(`/admin/messaging/analytics?${query}`)
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(message)
        }
      })

      it("refuses periods longer than 400 days with a 400 that says so", async () => {
        // calendar days: 1 January 2026 included
        const analytics = await get("/admin/messaging/analytics?from=2020-01-01&to=2026-01-01")
        expect(analytics.status).toBe(400)
        expect(analytics.data.message).toMatch(/the period is at most 400 days \(this one is 2193\): ask for it in parts/)
        const recompute = await post("/admin/messaging/attribution/recompute", { from: "2015-01-01" })
        expect(recompute.status).toBe(400)
        expect(recompute.data.message).toMatch(/the period is at most 400 days \(this one is \d+\): ask for it in parts/)
        const fine = await post("/admin/messaging/attribution/recompute", { from: new Date(Date.now() - 86_400_000).toISOString() })
        expect(fine.status).toBe(200)
      })

      it("stops a report that runs past reports.statementTimeoutMs, with a 400 that says what to narrow", async () => {
        const analytics = await whileLocked("sms_rcs_message", () => get("/admin/messaging/analytics?group_by=channel"))
        expect(analytics.status).toBe(400)
        expect(analytics.data.message).toBe(
          "The analytics report took longer than 1 s and was stopped (reports.statementTimeoutMs): choose a shorter period or fewer dimensions"
        )
        const count = await whileLocked("sms_rcs_consent", () => post("/admin/messaging/segments/count", { definition: { match: "all", rules: [] } }))
        expect(count.status).toBe(400)
        expect(count.data.message).toBe("Counting the segment took longer than 1 s and was stopped (reports.statementTimeoutMs): make its rules narrower")
        // the connections are left as they were: the same report answers once nothing holds it
        expect((await get("/admin/messaging/analytics?group_by=channel")).status).toBe(200)
      })
    })
  },
})
