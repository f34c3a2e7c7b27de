import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-consents-input")
jest.setTimeout(180_000)

const HEADER = "phone,purpose,action,occurred_at,wording,wording_version,note"

/** What an owner may type or upload on the Consents page that the server must read right or refuse clearly. */
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    const fail = (p: Promise<any>) => p.then((r) => r, (e: any) => e.response)

    it("refuses a day that does not exist in the filters with a 400 naming the field, not a 500", async () => {
      for (const q of ["changed_from=2026-02-30", "changed_from=9999-99-99", "changed_to=2025-13-01", "changed_to=0000-01-01"]) {
        const res = await fail(api.get(`/admin/messaging/consents?${q}`, admin))
        expect([q, res.status]).toEqual([q, 400])
        expect(res.data.message).toContain(q.split("=")[0])
      }
      // a day that exists is still read, the leap day included
      const ok = await api.get("/admin/messaging/consents?changed_from=2024-02-29&changed_to=9999-12-31", admin)
      expect(ok.status).toBe(200)
    })

    it("stores the line a row is on in the file, after a blank line and a quoted note over two lines", async () => {
      const csv = [
        HEADER,
        "",
        '+33655557001,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,"Paper form,',
        'signed in the Lyon shop"',
        "+33655557002,newsletter,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Form",
        "+33655557003,marketing,grant,2025-01-10T09:00:00Z,Yes to offers,v3,Form",
      ].join("\r\n")
      const { data: dry } = await api.post("/admin/messaging/consents/import", { csv, dry_run: true }, admin)
      expect(dry.preview.rows.map((r: any) => [r.line, r.phone])).toEqual([
        [3, "+33655557001"],
        [6, "+33655557003"],
      ])
      expect(dry.preview.rejected.map((r: any) => [r.line, r.codes])).toEqual([[5, ["unknown_purpose"]]])

      await api.post("/admin/messaging/consents/import", { csv, csv_sha256: dry.preview.csv_sha256 }, admin)
      const messaging = getContainer().resolve("messaging") as any
      const [event] = await messaging.listConsentEvents({ phone: "+33655557003" })
      expect(event.evidence).toMatchObject({ line: 6 })
    })

    it("answers a file refused whole with a code the admin translates (and the long row's line)", async () => {
      const row = "+33655557010,marketing,grant,2025-01-10T09:00:00Z,Yes,v1,Form"
      const long = await fail(api.post("/admin/messaging/consents/import", { csv: `${HEADER}\n${row}\n\n+33655557011,marketing,grant,2025-01-10,${"x".repeat(100_001)},v1,Form`, dry_run: true }, admin))
      expect(long.status).toBe(400)
      expect(long.data).toMatchObject({ code: "row_too_long", line: expect.any(Number) })
      const other = await fail(api.post("/admin/messaging/consents/import", { csv: `${HEADER}\n${row}`, csv_sha256: "0".repeat(64) }, admin))
      expect(other.status).toBe(409)
      expect(other.data.code).toBe("not_the_previewed_file")
    })

    it("reads a personal-data phone as every other phone field does, and says when it cannot", async () => {
      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: "+33655557020", purpose: "marketing", action: "grant", source: "checkout", wording: "Offers" })

      // a national number, read in the store's country (FR)
      const { data: exported } = await api.get(`/admin/messaging/personal-data?phone=${encodeURIComponent("06 55 55 70 20")}`, admin)
      expect(JSON.stringify(exported)).toContain("+33655557020")
      const { data: dry } = await api.post("/admin/messaging/personal-data/erase", { phone: "06.55.55.70.20", dry_run: true }, admin)
      expect(dry).toMatchObject({ dry_run: true, phones: ["+33655557020"], erased: expect.objectContaining({ consents: 1 }) })
      expect(await messaging.consentStateOf("+33655557020")).toEqual({ marketing: "granted" })

      for (const phone of ["12345", "not a phone"]) {
        const bad = await fail(api.post("/admin/messaging/personal-data/erase", { phone, dry_run: true }, admin))
        expect([phone, bad.status, bad.data.code]).toEqual([phone, 400, "invalid_phone"])
        expect(bad.data.problems).toEqual([expect.objectContaining({ path: "phone" })])
        const badExport = await fail(api.get(`/admin/messaging/personal-data?phone=${encodeURIComponent(phone)}`, admin))
        expect(badExport.status).toBe(400)
      }
    })
  },
})
