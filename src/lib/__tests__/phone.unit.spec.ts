import { checkPhone } from "../phone"

describe("checkPhone", () => {
  it.each([
    ["+33612345678", undefined, "+33612345678", "FR"],
    ["06 12 34 56 78", "FR", "+33612345678", "FR"],
    ["06.12.34.56.78", "fr", "+33612345678", "FR"],
    ["0033 6 12 34 56 78", "FR", "+33612345678", "FR"],
    ["(415) 555-2671", "US", "+14155552671", "US"],
    ["+1 415 555 2671", "FR", "+14155552671", "US"],
    ["07400 123456", "GB", "+447400123456", "GB"],
  ])("normalises %s (default country %s) to %s", (raw, country, e164, detected) => {
    expect(checkPhone(raw, { defaultCountry: country })).toMatchObject({ ok: true, e164, country: detected })
  })

  it.each([[null], [undefined], [""], ["   "]])("reports a missing phone for %p", (raw) => {
    expect(checkPhone(raw as string | null | undefined)).toEqual({
      ok: false,
      reason: "missing_phone",
      detail: "no phone number",
    })
  })

  it.each([["12"], ["hello"], ["06 12 34"], ["+33 6 12 34 56 78 90 12"]])("refuses the unparsable %p", (raw) => {
    expect(checkPhone(raw, { defaultCountry: "FR" })).toMatchObject({ ok: false, reason: "invalid_phone" })
  })

  it("needs a country to read a national number", () => {
    expect(checkPhone("06 12 34 56 78")).toMatchObject({ ok: false, reason: "invalid_phone" })
  })

  it.each([
    ["+33899123456", "premium_rate"],
    ["+33800123456", "toll_free"],
    ["+18005550199", "toll_free"],
    ["+33810123456", "shared_cost"],
    ["+448431234567", "premium_rate"],
  ])("refuses %s, a %s number", (raw, type) => {
    const result = checkPhone(raw)
    expect(result).toMatchObject({ ok: false, reason: "refused_number_type", e164: raw })
    expect(!result.ok && result.detail).toBe(`${type} numbers are not messaged`)
  })

  it("applies the country allow-list", () => {
    expect(checkPhone("+447400123456", { allowedCountries: ["FR", "BE"] })).toMatchObject({
      ok: false,
      reason: "country_not_allowed",
      detail: "country GB is not in the allowed countries (FR, BE)",
    })
    expect(checkPhone("+32470123456", { allowedCountries: ["FR", "BE"] })).toMatchObject({ ok: true, country: "BE" })
  })
})
