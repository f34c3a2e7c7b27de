import { previewConsentCsv } from "../consent-import"
import type { ConsentQueries } from "../consent-queries"

const HEADER = "phone,purpose,action,occurred_at,wording,wording_version,note"
const row = (phone: string, action: string, at: string, purpose = "marketing") => `${phone},${purpose},${action},${at},Offers,v1,Shop form`

/** The numbers' current consent, as the store has it. */
const queries = (states: { phone: string; purpose: string; status: string; at: string; channel?: string }[]) =>
  ({
    statesOf: async () =>
      states.map((s) => ({ ...s, channel: s.channel ?? "all", last_event_at: new Date(s.at), id: "x", customer_id: null, granted_at: null, revoked_at: null, source: "admin" })),
  }) as unknown as ConsentQueries

describe("consent import preview", () => {
  it("says what each row does by the ledger's rule: the latest event wins, a pending state gives way", async () => {
    const csv = [
      HEADER,
      row("+33612000001", "grant", "2025-03-01T10:00:00Z"), // new number: opt-in
      row("+33612000002", "grant", "2025-03-01T10:00:00Z"), // already granted
      row("+33612000003", "revoke", "2025-01-01T10:00:00Z"), // older than its current grant
      row("+33612000004", "grant", "2024-01-01T10:00:00Z"), // pending: any grant wins
      row("+33612000001", "revoke", "2025-03-02T10:00:00Z"), // the same file's later opt-out
      row("+33612000005", "revoke", "2025-03-01T10:00:00Z", "transactional"),
      "bad,marketing,grant,2025-03-01T10:00:00Z,Offers,v1,Shop form",
    ].join("\n")
    const preview = await previewConsentCsv(
      queries([
        { phone: "+33612000002", purpose: "marketing", status: "granted", at: "2025-02-01T10:00:00Z" },
        { phone: "+33612000003", purpose: "marketing", status: "granted", at: "2025-02-01T10:00:00Z" },
        { phone: "+33612000004", purpose: "marketing", status: "pending", at: "2025-02-01T10:00:00Z" },
        // a channel-specific state is not the one an import folds into
        { phone: "+33612000005", purpose: "transactional", status: "revoked", at: "2025-02-01T10:00:00Z", channel: "sms" },
      ]),
      csv,
      "FR"
    )
    expect(preview.rows.map((r) => [r.line, r.change, r.why ?? null, r.before])).toEqual([
      [2, "opt_in", null, null],
      [3, "unchanged", "same_state", "granted"],
      [4, "unchanged", "older_than_current", "granted"],
      [5, "opt_in", null, "pending"],
      [6, "opt_out", null, "granted"],
      [7, "opt_out", null, null],
    ])
    expect(preview.summary).toEqual({ opt_ins: 2, opt_outs: 2, unchanged: 2, rejected: 1 })
    expect(preview.rejected).toEqual([expect.objectContaining({ line: 8, codes: ["invalid_phone"] })])
    expect(preview.csv_sha256).toMatch(/^[0-9a-f]{64}$/)
  })
})
