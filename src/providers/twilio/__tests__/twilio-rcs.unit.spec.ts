import http from "http"
import type { AddressInfo } from "net"
import { startFakeTwilio, type FakeTwilio } from "../../../../integration-tests/fakes/twilio-server"
import { TwilioProvider } from ".."
import type { RcsPayload } from "../../../lib/rcs/payload"

const ACCOUNT_SID = `AC${"c3".repeat(16)}`
const AUTH_TOKEN = "twilio-rcs-token"
const SERVICE = `MG${"d4".repeat(16)}`

const CARD: RcsPayload = {
  type: "card",
  card: {
    title: "Order #7 is on its way",
    description: "Tracking 1Z999",
    suggestions: [{ type: "open_url", text: "Track my parcel", url: "https://t.example.com/1Z999", postback_data: "track" }],
  },
  suggestions: [{ type: "reply", text: "Thanks!", postback_data: "thanks" }],
}

describe("Twilio RCS through the Content API", () => {
  let fake: FakeTwilio
  let callbacks: http.Server
  let provider: TwilioProvider

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 5 })
    // the plugin's status webhook, reduced to "204, thanks"
    callbacks = http.createServer((_req, res) => res.writeHead(204).end())
    await new Promise<void>((resolve) => callbacks.listen(0, "127.0.0.1", resolve))
    provider = new TwilioProvider({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      messagingServiceSid: SERVICE,
      publicUrl: `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}`,
      apiBaseUrl: fake.url,
      contentApiBaseUrl: fake.url,
      timeoutMs: 2000,
    })
  })

  afterAll(async () => {
    await fake.drain()
    await fake.close()
    await new Promise((resolve) => callbacks.close(resolve))
  })

  it("sends RCS only through a Messaging Service", () => {
    expect(provider.channels).toEqual(["sms", "rcs"])
  })

  it("creates a twilio/card with the SMS text as twilio/text once, and sends it by ContentSid with the RCS deadline as ValidityPeriod", async () => {
    const expires = new Date(Date.now() + 600_000)
    const first = await provider.send({ id: "msg_1", to: "+33612345678", channel: "rcs", body: "Order #7 shipped https://t.example.com/1Z999", rich_payload: CARD, expires_at: expires })
    const second = await provider.send({ id: "msg_2", to: "+33698765432", channel: "rcs", body: "Order #7 shipped https://t.example.com/1Z999", rich_payload: CARD, expires_at: expires })
    expect(fake.contents.size).toBe(1)
    const [[sid, content]] = [...fake.contents.entries()]
    expect(content.types["twilio/text"]).toEqual({ body: "Order #7 shipped https://t.example.com/1Z999" })
    expect(content.types["twilio/card"]).toEqual({
      title: "Order #7 is on its way",
      subtitle: "Tracking 1Z999",
      actions: [
        { type: "URL", title: "Track my parcel", url: "https://t.example.com/1Z999" },
        { type: "QUICK_REPLY", title: "Thanks!", id: "thanks" },
      ],
    })
    const sent = fake.accepted.filter((m) => m.sid === first.provider_message_id || m.sid === second.provider_message_id)
    expect(sent.map((m) => m.content_sid)).toEqual([sid, sid])
    expect(sent.every((m) => m.body === "" && m.message_id !== null)).toBe(true)
    for (const m of sent) {
      expect(m.validity_period).toBeGreaterThan(590)
      expect(m.validity_period).toBeLessThanOrEqual(600)
    }
  })

  it("sends SMS as a Body", async () => {
    const result = await provider.send({ id: "msg_3", to: "+33612345678", channel: "sms", body: "Hello" })
    expect(fake.accepted.find((m) => m.sid === result.provider_message_id)).toMatchObject({ body: "Hello", content_sid: null })
  })

  it("checks its credentials by reading the account, and names its webhook URLs", async () => {
    expect(await provider.checkHealth()).toMatchObject({ ok: true })
    const wrong = new TwilioProvider({ ...(provider as any).options, authToken: "wrong" })
    expect(await wrong.checkHealth()).toMatchObject({ ok: false, detail: expect.stringMatching(/401/) })
    expect(provider.webhooks().map((w) => w.url)).toEqual([
      expect.stringMatching(/\/hooks\/messaging\/twilio\/status$/),
      expect.stringMatching(/\/hooks\/messaging\/twilio\/inbound$/),
    ])
  })
})
