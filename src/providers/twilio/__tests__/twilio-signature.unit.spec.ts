import { createHmac } from "crypto"
import { isValidTwilioSignature, twilioSignature } from "../twilio-signature"

// Twilio's canonical test vector (its request-validation docs, reused by its SDKs' tests): this URL,
// these parameters and the token "12345" sign to "RSOYDt4T1cUTdK1PDd93/VVr8B8=".
const TOKEN = "12345"
const URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
const PARAMS = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+14158675309",
  Digits: "1234",
  From: "+14158675309",
  To: "+18005551212",
}

describe("Twilio signatures", () => {
  it("matches Twilio's documented example", () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=")
  })

  it("sorts the parameters by name whatever their order", () => {
    const reversed = new URLSearchParams(Object.entries(PARAMS).reverse())
    expect(twilioSignature(TOKEN, URL, reversed)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=")
  })

  it("is HMAC-SHA1 of the URL then each name and value", () => {
    const manual = createHmac("sha1", "t").update("https://x.test/hookA1B2").digest("base64")
    expect(twilioSignature("t", "https://x.test/hook", { B: "2", A: "1" })).toBe(manual)
  })

  it("accepts the right signature and refuses a forged, tampered, unsigned or re-addressed one", () => {
    const good = twilioSignature(TOKEN, URL, PARAMS)
    expect(isValidTwilioSignature(TOKEN, good, URL, PARAMS)).toBe(true)
    expect(isValidTwilioSignature("other-token", good, URL, PARAMS)).toBe(false)
    expect(isValidTwilioSignature(TOKEN, good, URL, { ...PARAMS, Digits: "9999" })).toBe(false)
    expect(isValidTwilioSignature(TOKEN, undefined, URL, PARAMS)).toBe(false)
    expect(isValidTwilioSignature(TOKEN, "short", URL, PARAMS)).toBe(false)
    // behind a proxy: http instead of https changes the URL, so the signature fails
    expect(isValidTwilioSignature(TOKEN, good, URL.replace("https", "http"), PARAMS)).toBe(false)
  })
})
