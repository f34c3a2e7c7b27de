import { mmsMedia, MEDIA_URL } from "../messages/mms"
import { estimateCost } from "../sms-encoding"

describe("MMS where it is the norm", () => {
  const image = "https://shop.example.com/mms/a.jpg"
  it.each([
    [{ country: "US", gateway: "twilio", channel: "sms" as const }, image],
    [{ country: "CA", gateway: "twilio", channel: "sms" as const }, image],
    [{ country: "FR", gateway: "twilio", channel: "sms" as const }, null],
    [{ country: "US", gateway: "sandbox", channel: "sms" as const }, null],
    [{ country: "US", gateway: "twilio", channel: "rcs" as const }, null],
    [{ country: null, gateway: "twilio", channel: "sms" as const }, null],
  ])("%j → %s", (where, expected) => {
    expect(mmsMedia({ media_url: image, ...where })).toBe(expected)
  })

  it("sends no image that did not render to a URL, and takes only http(s) addresses or variables", () => {
    expect(mmsMedia({ media_url: "", channel: "sms", country: "US", gateway: "twilio" })).toBeNull()
    expect(mmsMedia({ media_url: "ftp://x/y.jpg", channel: "sms", country: "US", gateway: "twilio" })).toBeNull()
    expect(MEDIA_URL.test("https://cdn.example.com/i.png")).toBe(true)
    expect(MEDIA_URL.test("{{product_image_url}}")).toBe(true)
    expect(MEDIA_URL.test("javascript:alert(1)")).toBe(false)
    expect(MEDIA_URL.test("https://a b")).toBe(false)
  })

  it("prices an MMS as one message, whatever its segments; unknown without an MMS price", () => {
    const pricing = { currency: "USD", sms: { default: 0.0079 }, rcs: {}, mms: { US: 0.02 } }
    expect(estimateCost(pricing, { channel: "mms", country: "US", segments: 4 })).toEqual({ amount: 0.02, currency_code: "USD" })
    expect(estimateCost(pricing, { channel: "sms", country: "US", segments: 4 })).toEqual({ amount: 0.0316, currency_code: "USD" })
    expect(estimateCost({ currency: "USD", sms: {}, rcs: {} }, { channel: "mms", country: "US", segments: 1 })).toBeUndefined()
  })
})
