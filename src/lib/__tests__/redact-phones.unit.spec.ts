import { redactPhones } from "../redact-phones"

describe("redactPhones", () => {
  it.each([
    ["The 'To' number +33612345678 is not a valid phone number.", "The 'To' number [phone] is not a valid phone number."],
    ["Attempt to send to unsubscribed recipient +1 (415) 555-0100", "Attempt to send to unsubscribed recipient [phone]"],
    ["rbm: Invalid phone number: +44 7400 123456", "rbm: Invalid phone number: [phone]"],
    ["06 12 34 56 78 refused", "[phone] refused"],
    ["06.12.34.56.78", "[phone]"],
    ["error 21610 after 3 attempts (HTTP 400)", "error 21610 after 3 attempts (HTTP 400)"],
    ["order #100245 is ready", "order #100245 is ready"],
    // a missed number costs more than an over-redacted message: a long run of digits goes, whatever it was
    ["order #100245 (2 items)", "order #[phone] items)"],
    ["no digits here", "no digits here"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(redactPhones(input)).toBe(expected)
  })

  it("stays linear on 100,000-character inputs of digits and separators", () => {
    for (const unit of ["1 ", "1-", "+1", "((1", " ", "1"]) {
      const input = unit.repeat(Math.ceil(100_000 / unit.length))
      const out = redactPhones(input)
      expect(out).not.toMatch(/\d{7}/)
    }
  })
})
