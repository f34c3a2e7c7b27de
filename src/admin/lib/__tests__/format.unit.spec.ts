import { formatDay, formatMoney, formatRoi } from "../format"

// Intl puts narrow and plain no-break spaces in French numbers: compare with plain spaces
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ")

describe("admin formats: money in minor units, one ROI format, store days", () => {
  it("writes money in the currency's minor units by default, and as asked otherwise", () => {
    expect(formatMoney(7.8429, "EUR", undefined, "en")).toBe("€7.84")
    expect(plain(formatMoney(7.8429, "eur", undefined, "fr"))).toBe("7,84 €")
    expect(formatMoney(785.4, "JPY", undefined, "en")).toBe("¥785")
    expect(formatMoney(0.045, "EUR", 4, "en")).toBe("€0.045")
    expect(formatMoney(1234, "EUR", 0, "en")).toBe("€1,234")
    expect(formatMoney(null, "EUR")).toBe("—")
  })

  it("writes ROI as a signed percentage with at most one decimal, and no ROI as a dash", () => {
    expect(formatRoi(12.194, "en")).toBe("+1,219.4%")
    expect(plain(formatRoi(12.194, "fr"))).toBe("+1 219,4 %")
    expect(formatRoi(-0.5, "en")).toBe("-50%")
    expect(formatRoi(0, "en")).toBe("0%")
    expect(formatRoi(null, "en")).toBe("—")
  })

  it("writes a calendar day as it is, whatever the browser's zone", () => {
    expect(formatDay("2026-11-25", "en")).toBe("Nov 25, 2026")
    expect(formatDay("2026-11-25", "fr", "short")).toBe("25 nov.")
  })
})
