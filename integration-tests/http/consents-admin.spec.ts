import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-consents-admin")
jest.setTimeout(180_000)

const HEADER = "phone,purpose,action,occurred_at,wording,wording_version,note"

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let adminEmail: string

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
      adminEmail = (await api.get("/admin/users/me", admin)).data.user.email
    })

    const fail = (p: Promise<any>) => p.then((r) => r, (e: any) => e.response)

    it("previews a CSV import without writing anything, then imports exactly the previewed file", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655550002", purpose: "marketing", action: "grant", source: "storefront_form", wording: "Offers" })
      const csv = [
        HEADER,
        "+33655550001,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
        "+33655550002,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
        "not-a-phone,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
        "+33655550003,newsletter,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Loyalty card form",
        "+33655550004,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,",
      ].join("\n")
      const before = (await api.get("/admin/messaging/consents?limit=200", admin)).data.count

      const { data: dry, status } = await api.post("/admin/messaging/consents/import", { csv, dry_run: true }, admin)
      expect(status).toBe(200)
      expect(dry.preview.summary).toEqual({ opt_ins: 1, opt_outs: 0, unchanged: 1, rejected: 3 })
      expect(dry.preview.rows.map((r: any) => [r.line, r.change, r.why ?? null])).toEqual([
        [2, "opt_in", null],
        // the storefront grant is newer than the row: the ledger keeps it
        [3, "unchanged", "older_than_current"],
      ])
      expect(dry.preview.rejected.map((r: any) => [r.line, r.codes])).toEqual([
        [4, ["invalid_phone"]],
        [5, ["unknown_purpose"]],
        [6, ["missing_proof"]],
      ])
      // nothing written: no consent, no event, no audit entry
      expect((await api.get("/admin/messaging/consents?limit=200", admin)).data.count).toBe(before)
      expect(await messaging.listConsentEvents({ phone: "+33655550001" })).toEqual([])
      expect((await api.get("/admin/messaging/audit-log?action=consent.import", admin)).data.count).toBe(0)

      // another file than the previewed one is refused
      const other = await fail(api.post("/admin/messaging/consents/import", { csv: csv + "\n", csv_sha256: dry.preview.csv_sha256 }, admin))
      expect(other.status).toBe(409)

      const { data: done } = await api.post("/admin/messaging/consents/import", { csv, csv_sha256: dry.preview.csv_sha256 }, admin)
      expect(done.imported).toBe(2)
      expect(done.rejected.map((r: any) => r.line)).toEqual([4, 5, 6])
      const { data: ledger } = await api.get("/admin/messaging/consents/ledger?phone=%2B33655550001", admin)
      expect(ledger.consents).toEqual([expect.objectContaining({ purpose: "marketing", status: "granted" })])
      expect(ledger.events[0]).toMatchObject({ source: "import", recorded_by: expect.objectContaining({ email: adminEmail }) })
    })

    it("refuses a CSV past the limits with a clear 413 / 400, and a stranger with a 401", async () => {
      const row = "+33655550001,marketing,grant,2025-01-10T09:00:00Z,Yes,v1,Form"
      const many = await fail(api.post("/admin/messaging/consents/import", { csv: [HEADER, ...Array(10_001).fill(row)].join("\n"), dry_run: true }, admin))
      expect(many.status).toBe(413)
      expect(many.data).toMatchObject({ code: "too_many_rows", message: expect.stringMatching(/more than 10,000 rows/) })

      const long = await fail(api.post("/admin/messaging/consents/import", { csv: `${HEADER}\n+33655550001,marketing,grant,2025-01-10,${"x".repeat(100_001)},v1,Form`, dry_run: true }, admin))
      expect(long.status).toBe(400)
      expect(long.data).toMatchObject({ code: "row_too_long", message: expect.stringMatching(/line 2 is longer than 100 KB/) })

      const huge = await fail(api.post("/admin/messaging/consents/import", { csv: "x".repeat(11 * 1024 * 1024) }, admin))
      expect(huge.status).toBe(413)

      for (const [method, path] of [
        ["get", "/admin/messaging/consents"],
        ["get", "/admin/messaging/consents/ledger?phone=%2B33655550001"],
        ["get", "/admin/messaging/customers/cus_1/consents"],
        ["post", "/admin/messaging/consents/import"],
        ["post", "/admin/messaging/personal-data/erase"],
      ] as const) {
        const res = await fail(method === "get" ? api.get(path) : api.post(path, { csv: HEADER, dry_run: true, phone: "+33655550001" }))
        expect([path, res.status]).toEqual([path, 401])
      }
    })

    it("filters consents on the server by purpose, status, source and the store's days, with a count", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655551001", purpose: "marketing", action: "grant", source: "checkout" })
      await messaging.recordConsent({ phone: "+33655551002", purpose: "marketing", action: "revoke", source: "keyword" })
      await messaging.recordConsent({ phone: "+33655551003", purpose: "transactional", action: "grant", source: "import", occurred_at: new Date("2025-01-10T09:00:00Z") })
      const list = async (q: string) => (await api.get(`/admin/messaging/consents?${q}`, admin)).data
      expect((await list("purpose=marketing&status=granted")).consents.map((c: any) => c.phone)).toEqual(["+33655551001"])
      expect((await list("source=keyword")).consents.map((c: any) => [c.phone, c.status, c.source])).toEqual([["+33655551002", "revoked", "keyword"]])
      expect((await list("changed_from=2025-01-10&changed_to=2025-01-10")).consents.map((c: any) => c.phone)).toEqual(["+33655551003"])
      expect((await list("q=5551002")).count).toBe(1)
      const page = await list("limit=2&offset=0")
      expect(page).toMatchObject({ count: 3, limit: 2, offset: 0 })
      expect(page.consents).toHaveLength(2)
      expect((await fail(api.get("/admin/messaging/consents?status=maybe", admin))).status).toBe(400)
    })

    it("gathers a customer's phones from account, addresses and orders, with every event and its actor", async () => {
      const { data } = await api.post("/admin/customers", { email: "lea@example.com", first_name: "Léa", phone: "06 55 55 20 01" }, admin)
      const id = data.customer.id
      await api.post(`/admin/customers/${id}/addresses`, { address_name: "Bureau", city: "Lyon", country_code: "fr", phone: "+33655552002", address_1: "1 rue" }, admin)
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655552002", purpose: "marketing", action: "grant", source: "checkout", wording: "Oui aux offres" })
      await api.post("/admin/messaging/consents", { phone: "+33655552001", purpose: "marketing", action: "revoke", note: "Asked by phone" }, admin)

      const { data: consents } = await api.get(`/admin/messaging/customers/${id}/consents`, admin)
      expect(consents.phones.map((p: any) => [p.phone, p.sources])).toEqual([
        ["+33655552001", [{ kind: "account" }]],
        ["+33655552002", [{ kind: "address", label: "Bureau, Lyon" }]],
      ])
      const [account, office] = consents.phones
      expect(account.events).toEqual([expect.objectContaining({ action: "revoke", source: "admin", recorded_by: expect.objectContaining({ email: adminEmail }) })])
      expect(office.consents).toEqual([expect.objectContaining({ purpose: "marketing", status: "granted", source: "checkout" })])
      expect(office.events).toEqual([expect.objectContaining({ source: "checkout", recorded_by: null })])

      expect((await fail(api.get("/admin/messaging/customers/cus_nope/consents", admin))).status).toBe(404)
      expect((await fail(api.get("/admin/messaging/customers/a%20b/consents", admin))).status).toBe(400)
    })

    it("counts an erasure before it without changing anything, then erases exactly that", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655553001", purpose: "marketing", action: "grant", source: "storefront_form", ip: "203.0.113.9" })
      await messaging.recordInbound({ from: "+33655553001", body: "Hello", provider: "twilio", provider_message_id: "SMx1", intent: "none" })
      const { data: dry } = await api.post("/admin/messaging/personal-data/erase", { phone: "+33655553001", dry_run: true }, admin)
      expect(dry).toMatchObject({ dry_run: true, phones: ["+33655553001"], erased: { consents: 1, consent_events: 1, inbound_messages: 1 } })
      const { data: still } = await api.get("/admin/messaging/consents/ledger?phone=%2B33655553001", admin)
      expect(still.consents).toHaveLength(1)
      expect((await api.get("/admin/messaging/audit-log?action=personal_data.erase", admin)).data.count).toBe(0)

      const { data: done } = await api.post("/admin/messaging/personal-data/erase", { phone: "+33655553001" }, admin)
      expect(done.erased).toEqual(dry.erased)
      const { data: gone } = await api.get("/admin/messaging/consents/ledger?phone=%2B33655553001", admin)
      expect(gone).toMatchObject({ consents: [], events: [] })
    })
  },
})
