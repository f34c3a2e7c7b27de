import { createProviders, findGateway, GATEWAYS, parsePluginOptions } from "../registry"

const context = { reportStatus: async () => undefined }
const twilio = { accountSid: `AC${"0".repeat(32)}`, authToken: "t", publicUrl: "https://shop.example.com", messagingServiceSid: `MG${"0".repeat(32)}` }

describe("the gateway registry", () => {
  it("offers as SMS gateways those that send SMS, and every RCS one for rcs.provider", () => {
    const smsOnly = GATEWAYS.filter((gateway) => !(gateway.channels as readonly string[]).includes("sms")).map((gateway) => gateway.id)
    expect(smsOnly).toEqual(["rbm"])
    expect(() => parsePluginOptions({ provider: "rbm" })).toThrow(/"provider": .*"sandbox"\|"twilio"/)
    expect(parsePluginOptions({ rcs: { provider: "sandbox" } }).rcs.provider).toBe("sandbox")
  })

  it("builds the chosen gateways, one provider for both roles when they are the same", () => {
    const sandbox = createProviders(parsePluginOptions({}), context)
    expect(sandbox.sms.identifier).toBe("sandbox")
    expect(sandbox.rcs).toBe(sandbox.sms)
    const viaTwilio = createProviders(parsePluginOptions({ provider: "twilio", twilio, rcs: { provider: "twilio" } }), context)
    expect(viaTwilio.rcs).toBe(viaTwilio.sms)
    expect([...viaTwilio.byId.keys()]).toEqual(["twilio"])
  })

  it("finds a gateway and its webhooks by the names in their URLs, and nothing else", () => {
    expect(Object.keys(findGateway("twilio")!.webhooks!)).toEqual(["status", "inbound"])
    expect(Object.keys(findGateway("rbm")!.webhooks!)).toEqual([""])
    expect(findGateway("sandbox")!.webhooks).toBeUndefined()
    expect(findGateway("constructor")).toBeNull()
  })
})
