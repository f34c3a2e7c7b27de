import {
  awaitsOfferCode,
  fillOfferCode,
  fillOfferCodeInPayload,
  generateOfferCode,
  OFFER_CODE_ALPHABET,
  OFFER_CODE_PLACEHOLDER,
  OFFER_EXPIRES_PLACEHOLDER,
} from "../offers/offer-code"

describe("generateOfferCode", () => {
  it("prefixes 8 random characters of the unambiguous alphabet with the store's code", () => {
    const code = generateOfferCode("welcome10")
    expect(code).toMatch(new RegExp(`^WELCOME10-[${OFFER_CODE_ALPHABET}]{8}$`))
  })

  it("never uses characters a shopper misreads", () => {
    const all = Array.from({ length: 500 }, () => generateOfferCode(null)).join("")
    expect(all).toHaveLength(4_000)
    expect(all).not.toMatch(/[01ILOUV2]/)
    // every symbol of the alphabet shows up in 4 000 draws (the draw covers the whole alphabet)
    expect(new Set(all).size).toBe(OFFER_CODE_ALPHABET.length)
  })

  it("does not repeat itself", () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => generateOfferCode("X")))
    expect(codes.size).toBe(10_000)
  })

  it("keeps only safe characters of the store's code, cut to 20", () => {
    expect(generateOfferCode("été 20% off!")).toMatch(/^T20OFF-[A-Z3-9]{8}$/)
    expect(generateOfferCode("A".repeat(40)).split("-")[0]).toHaveLength(20)
    expect(generateOfferCode("SPRING-")).toMatch(/^SPRING-[A-Z3-9]{8}$/)
    expect(generateOfferCode("", 6)).toMatch(/^[A-Z3-9]{6}$/)
  })
})

describe("offer placeholders", () => {
  const text = `Your code ${OFFER_CODE_PLACEHOLDER}, valid until ${OFFER_EXPIRES_PLACEHOLDER}. ${OFFER_CODE_PLACEHOLDER}`

  it("tells a message that still waits for its code", () => {
    expect(awaitsOfferCode(text)).toBe(true)
    expect(awaitsOfferCode("Hello")).toBe(false)
    expect(awaitsOfferCode("Hello", { card: { description: `code ${OFFER_CODE_PLACEHOLDER}` } })).toBe(true)
    expect(awaitsOfferCode(null, null)).toBe(false)
  })

  it("fills every occurrence, in the text and in the RCS variant", () => {
    expect(fillOfferCode(text, "W-ABCDEFGH", "3 Dec, 15:00")).toBe("Your code W-ABCDEFGH, valid until 3 Dec, 15:00. W-ABCDEFGH")
    expect(
      fillOfferCodeInPayload({ card: { title: "Hi", suggestions: [{ text: OFFER_CODE_PLACEHOLDER, n: 1 }] } }, "C", "E")
    ).toEqual({ card: { title: "Hi", suggestions: [{ text: "C", n: 1 }] } })
  })
})
