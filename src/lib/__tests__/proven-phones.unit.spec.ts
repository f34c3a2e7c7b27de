import { provenPhones } from "../proven-phones"

describe("provenPhones", () => {
  it("reads national numbers with their address's country, drops duplicates and unreadable ones", () => {
    expect(
      provenPhones(
        [
          { phone: "06 12 34 56 78", country_code: "fr" },
          { phone: "+33612345678" },
          { phone: "(415) 555-2671", country_code: "US" },
          { phone: "not a phone", country_code: "FR" },
          { phone: null },
          { phone: "  " },
        ],
        "FR"
      )
    ).toEqual(["+33612345678", "+14155552671"])
  })

  it("falls back to the store's default country when the address has none", () => {
    expect(provenPhones([{ phone: "0612345678" }], "FR")).toEqual(["+33612345678"])
  })

  it("keeps refused number types: they may still have been written down, and must be erased", () => {
    // a French premium-rate number is never texted, but erasure must still follow it
    expect(provenPhones([{ phone: "+33899123456" }], "FR")).toEqual(["+33899123456"])
  })
})
