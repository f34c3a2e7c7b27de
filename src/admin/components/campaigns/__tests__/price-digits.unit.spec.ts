import { formatMoney } from "../../../lib/format"
import { minorUnitDigits, perTextDigits } from "../price-digits"

describe("campaign money digits", () => {
  it("totals in the currency's minor unit", () => {
    expect(minorUnitDigits("eur")).toBe(2)
    expect(minorUnitDigits("JPY")).toBe(0)
    expect(formatMoney(1234, "jpy", minorUnitDigits("jpy"), "en")).toBe("¥1,234")
    expect(formatMoney(12.3, "eur", minorUnitDigits("eur"), "en")).toBe("€12.30")
  })

  it("a price per text keeps the precision it needs, and no more", () => {
    const perText = (amount: number, currency: string) => formatMoney(amount, currency, perTextDigits(amount, currency), "en")
    expect(perText(0.045, "eur")).toBe("€0.045")
    expect(perText(0.05, "eur")).toBe("€0.05")
    expect(perText(0.0725, "eur")).toBe("€0.0725")
    expect(perText(0.04567, "eur")).toBe("€0.0457")
    expect(perText(3, "jpy")).toBe("¥3")
    expect(perText(0.5, "jpy")).toBe("¥0.5")
  })
})
