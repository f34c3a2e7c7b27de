import { estimateCost } from "../sms-encoding"
import { smartEncode, countSegments } from "../sms-encoding"

describe("estimateCost", () => {
  const pricing = { currency: "EUR", sms: { FR: 0.045, default: 0.07 }, rcs: { default: 0.02 } }

  it("prices SMS by the segment at the country's price, or the default one", () => {
    expect(estimateCost(pricing, { channel: "sms", country: "FR", segments: 3 })).toEqual({ amount: 0.135, currency_code: "EUR" })
    expect(estimateCost(pricing, { channel: "sms", country: "US", segments: 2 })).toEqual({ amount: 0.14, currency_code: "EUR" })
  })

  it("prices RCS by the message", () => {
    expect(estimateCost(pricing, { channel: "rcs", country: "FR", segments: 4 })).toEqual({ amount: 0.02, currency_code: "EUR" })
  })

  it("says nothing rather than zero when no price applies", () => {
    expect(estimateCost(undefined, { channel: "sms", country: "FR", segments: 1 })).toBeUndefined()
    expect(estimateCost({ currency: "EUR", sms: { FR: 0.05 }, rcs: {} }, { channel: "sms", country: "DE", segments: 1 })).toBeUndefined()
  })
})

describe("smartEncode", () => {
  it("turns typographic punctuation into GSM-7 and keeps accented letters", () => {
    const pasted = "« Votre commande » est prête – merci… l’équipe"
    expect(countSegments(pasted).encoding).toBe("UCS-2")
    const encoded = smartEncode(pasted)
    expect(encoded).toBe('" Votre commande " est prête - merci... l\'équipe')
    expect(countSegments(smartEncode("“Thanks” — it’s shipped…")).encoding).toBe("GSM-7")
  })
})
