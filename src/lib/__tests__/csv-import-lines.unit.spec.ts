import { parseConsentCsv } from "../consent/csv-import"

const HEADER = "phone,purpose,action,occurred_at,wording,wording_version,note"
const GOOD = (phone: string) => `${phone},marketing,grant,2025-03-14T10:00:00Z,Offers,v1,Shop form`

/** The line a refused or imported row names is the one the admin finds in the file (header = line 1). */
describe("consent CSV import: the line of each row", () => {
  const file = [
    HEADER, // 1
    GOOD("+33612345601"), // 2
    "", // 3: a blank line csv-parse skips
    '+33612345602,marketing,grant,2025-03-14T10:00:00Z,Offers,v1,"Signed at the counter', // 4
    'by the customer herself"', // 5: the same row's quoted note, on a second line
    "+33612345603,newsletter,grant,2025-03-14T10:00:00Z,Offers,v1,Shop form", // 6: refused
    "   ", // 7: spaces only, skipped too
    GOOD("+33612345604"), // 8
    "not-a-phone,marketing,grant,2025-03-14T10:00:00Z,Offers,v1,Shop form", // 9: refused
  ]

  it.each([
    ["\\n", "\n"],
    ["\\r\\n (a spreadsheet's export)", "\r\n"],
  ])("counts blank lines and a two-line quoted note, with %s line ends", (_name, eol) => {
    const report = parseConsentCsv(file.join(eol), "FR")
    expect(report.good.map((r) => [r.line, r.phone])).toEqual([
      [2, "+33612345601"],
      [4, "+33612345602"],
      [8, "+33612345604"],
    ])
    expect(report.good[1].note).toBe(`Signed at the counter${eol}by the customer herself`)
    expect(report.bad.map((r) => [r.line, r.codes])).toEqual([
      [6, ["unknown_purpose"]],
      [9, ["invalid_phone"]],
    ])
  })

  it("counts blank lines before the header and a byte-order mark", () => {
    const report = parseConsentCsv(["\ufeff", "", HEADER, "not-a-phone,marketing,grant,2025-03-14T10:00:00Z,Offers,v1,Café « Le Zinc »", GOOD("+33612345605")].join("\n"), "FR")
    expect(report.bad.map((r) => r.line)).toEqual([4])
    expect(report.good.map((r) => r.line)).toEqual([5])
  })

  it("still reads the header's columns in any case and order", () => {
    const report = parseConsentCsv(["Note , PHONE,Purpose,Action,Occurred_at,Wording", "Shop form,+33612345606,marketing,revoke,2025-03-14T10:00:00Z,Offers"].join("\n"), "FR")
    expect(report.good).toEqual([expect.objectContaining({ line: 2, phone: "+33612345606", action: "revoke", note: "Shop form" })])
  })
})
