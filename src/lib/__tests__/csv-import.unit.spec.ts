import { parseConsentCsv } from "../consent/csv-import"

const HEADER = "Phone,Purpose,Action,Occurred_at,Wording,Wording_version,Note,Country_code"

describe("consent CSV import", () => {
  it("keeps good rows and reports each bad one with its line and reason", () => {
    const csv = [
      "\ufeff" + HEADER,
      '06 12 34 56 78,marketing,grant,2025-03-14T10:00:00Z,"Oui, je veux les offres",v1,Paper form in the Lyon shop,FR',
      "+14155552671,transactional,grant,2025-03-14,Order updates,v1,Old CRM export,",
      "12,marketing,grant,2025-03-14,Offers,v1,Form,FR",
      "+33612345679,newsletter,grant,2025-03-14,Offers,v1,Form,FR",
      "+33612345679,marketing,grant,yesterday,Offers,v1,Form,FR",
      "+33612345679,marketing,grant,2025-03-14,,v1,,FR",
      "+33899123456,marketing,revoke,2025-03-14,Offers,v1,Form,FR",
    ].join("\n")
    const report = parseConsentCsv(csv)
    expect(report.good.map((r) => [r.line, r.phone, r.purpose, r.action])).toEqual([
      [2, "+33612345678", "marketing", "grant"],
      [3, "+14155552671", "transactional", "grant"],
    ])
    expect(report.good[0]).toMatchObject({ wording: "Oui, je veux les offres", wording_version: "v1", note: "Paper form in the Lyon shop" })
    expect(report.bad).toEqual([
      { line: 4, reason: 'invalid_phone: "12" is not a valid phone number (default country FR)', codes: ["invalid_phone"] },
      { line: 5, reason: 'purpose must be "marketing" or "transactional"', codes: ["unknown_purpose"] },
      { line: 6, reason: "occurred_at is not a date (use ISO 8601, e.g. 2025-03-14T10:00:00Z)", codes: ["invalid_date"] },
      {
        line: 7,
        reason: "wording is empty: say what the subscriber agreed to; note is empty: say where this consent was collected",
        codes: ["missing_wording", "missing_proof"],
      },
      { line: 8, reason: "refused_number_type: premium_rate numbers are not messaged", codes: ["refused_number_type"] },
    ])
  })

  it("reports a file that is not CSV at all instead of importing part of it", () => {
    const report = parseConsentCsv(`${HEADER}\n"unclosed,marketing`)
    expect(report.good).toEqual([])
    expect(report.bad[0].reason).toMatch(/^not a readable CSV/)
  })

  it("refuses a file past the limits whole, before reading its rows as consent", () => {
    const row = "+33612345678,marketing,grant,2025-03-14,Offers,v1,Form,FR"
    const many = parseConsentCsv([HEADER, ...Array.from({ length: 10_001 }, () => row)].join("\n"))
    expect(many).toMatchObject({ good: [], bad: [], limit: { code: "too_many_rows" } })
    expect(parseConsentCsv([HEADER, ...Array.from({ length: 10_000 }, () => row)].join("\n")).good).toHaveLength(10_000)

    const long = parseConsentCsv([HEADER, row, `+33612345678,marketing,grant,2025-03-14,${"x".repeat(100_001)},v1,Form,FR`].join("\n"))
    expect(long).toMatchObject({ good: [], bad: [], limit: { code: "row_too_long", line: 3 } })
  })
})
