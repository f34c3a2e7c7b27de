import { createVerify, generateKeyPairSync } from "crypto"
import { contentProblems } from "../../../../integration-tests/fakes/rbm-server"
import { parseRbmData, rbmMessageId, ServiceAccountToken, toRbmContentMessage } from ".."
import { isRbmClientToken, isValidRbmSignature, rbmSignature } from "../rbm-signature"
import { parsePluginOptions } from "../../registry"
import { rcsPayloadSchema, type RcsPayload } from "../../../lib/rcs/payload"

const encode = (data: unknown) => Buffer.from(JSON.stringify(data)).toString("base64")

describe("RBM webhook signatures", () => {
  // computed independently: printf '{"eventType":"DELIVERED"}' | openssl dgst -sha512 -hmac client-token-123 -binary | base64
  const DATA = "eyJldmVudFR5cGUiOiJERUxJVkVSRUQifQ=="
  const SIGNATURE = "MQMk455UpMS3k9cEDEdMyTxtL4FqHLIEnnBBh5kO+ESA+0XLXpBUnrngUBZkrMZT4RpIMGfi7fpONC4qoxDIYQ=="

  it("is the base64 HMAC-SHA512 of the decoded message.data, keyed with the client token", () => {
    expect(rbmSignature("client-token-123", DATA)).toBe(SIGNATURE)
    expect(isValidRbmSignature("client-token-123", SIGNATURE, DATA)).toBe(true)
  })

  it("refuses a missing signature, another token, tampered data and a truncated signature", () => {
    expect(isValidRbmSignature("client-token-123", undefined, DATA)).toBe(false)
    expect(isValidRbmSignature("another-token", SIGNATURE, DATA)).toBe(false)
    expect(isValidRbmSignature("client-token-123", SIGNATURE, encode({ eventType: "READ" }))).toBe(false)
    expect(isValidRbmSignature("client-token-123", SIGNATURE.slice(0, 40), DATA)).toBe(false)
  })

  it("checks the console's handshake token exactly", () => {
    expect(isRbmClientToken("client-token-123", "client-token-123")).toBe(true)
    expect(isRbmClientToken("client-token-123", "client-token-12")).toBe(false)
    expect(isRbmClientToken("client-token-123", 42)).toBe(false)
  })
})

describe("RBM webhook events", () => {
  const base = { agentId: "agent", sendTime: "2026-11-25T10:00:00Z" }

  it("maps DELIVERED, READ and TTL_EXPIRATION_REVOKED to statuses of the agent message", () => {
    for (const [eventType, status] of [["DELIVERED", "delivered"], ["READ", "read"], ["TTL_EXPIRATION_REVOKED", "expired"]]) {
      const event = parseRbmData(encode({ ...base, senderPhoneNumber: "+33612345678", eventType, eventId: `e-${eventType}`, messageId: "m-1" }))
      expect(event).toMatchObject({ kind: "status", id: `e-${eventType}`, status: { provider: "rbm", provider_message_id: "m-1", status } })
    }
  })

  it("ignores typing indicators and failed revocations", () => {
    expect(parseRbmData(encode({ ...base, eventType: "IS_TYPING", eventId: "e1", messageId: "m" })).kind).toBe("ignored")
    expect(parseRbmData(encode({ ...base, eventType: "TTL_EXPIRATION_REVOKE_FAILED", eventId: "e2", messageId: "m" })).kind).toBe("ignored")
  })

  it("reads texts and suggestion taps, with the message named in the postback data", () => {
    expect(parseRbmData(encode({ ...base, senderPhoneNumber: "+33612345678", messageId: "u1", text: "STOP" }))).toMatchObject({
      kind: "text",
      id: "u1",
      from: "+33612345678",
      text: "STOP",
    })
    const tap = parseRbmData(
      encode({ ...base, senderPhoneNumber: "+33612345678", messageId: "u2", suggestionResponse: { postbackData: "track~ref:msg_1", text: "Track", type: "ACTION" } })
    )
    expect(tap).toMatchObject({ kind: "suggestion", postback_data: "track", message_id: "msg_1", text: "Track" })
  })

  it("throws on data that is not base64 JSON", () => {
    expect(() => parseRbmData(Buffer.from("nope").toString("base64"))).toThrow(/JSON/)
  })
})

describe("RBM content", () => {
  const card: RcsPayload = {
    type: "card",
    card: {
      title: "Order #12 is on its way",
      description: "Tracking 1Z999",
      media: { url: "https://cdn.example.com/box.jpg", height: "medium" },
      suggestions: [
        { type: "open_url", text: "Track my parcel", url: "https://t.example.com/1Z999", postback_data: "track" },
        { type: "dial", text: "Call us", phone: "+33140000000" },
      ],
    },
    suggestions: [{ type: "reply", text: "Thanks!", postback_data: "thanks" }],
  }

  it("maps a card to a standalone rich card that RBM's rules accept, every suggestion naming its message", () => {
    const content = toRbmContentMessage("fallback text", card, "msg_9") as any
    expect(contentProblems(content)).toBeNull()
    const cardContent = content.richCard.standaloneCard.cardContent
    expect(cardContent).toMatchObject({ title: "Order #12 is on its way", media: { height: "MEDIUM", contentInfo: { fileUrl: "https://cdn.example.com/box.jpg" } } })
    expect(cardContent.suggestions[0]).toEqual({ action: { text: "Track my parcel", postbackData: "track~ref:msg_9", openUrlAction: { url: "https://t.example.com/1Z999" } } })
    expect(cardContent.suggestions[1].action.dialAction).toEqual({ phoneNumber: "+33140000000" })
    expect(content.suggestions[0]).toEqual({ reply: { text: "Thanks!", postbackData: "thanks~ref:msg_9" } })
  })

  it("maps a carousel, and a message without RCS variant to a text", () => {
    const carousel: RcsPayload = { type: "carousel", card_width: "small", cards: [{ title: "A" }, { title: "B", description: "b" }] }
    const content = toRbmContentMessage("x", carousel, "msg_1") as any
    expect(contentProblems(content)).toBeNull()
    expect(content.richCard.carouselCard).toMatchObject({ cardWidth: "SMALL", cardContents: [{ title: "A" }, { title: "B", description: "b" }] })
    expect(toRbmContentMessage("Hello", null, "msg_1")).toEqual({ text: "Hello" })
  })

  it("maps a map pin and a calendar event to RBM's view-location and create-calendar-event actions", () => {
    const payload = rcsPayloadSchema.parse({
      type: "card",
      card: {
        title: "Pickup ready",
        suggestions: [
          { type: "view_location", text: "Find the shop", latitude: 48.8566, longitude: 2.3522, label: "Maison Demo" },
          { type: "create_calendar_event", text: "Add to calendar", title: "Pickup", start_time: "2026-12-05T18:00:00+01:00", end_time: "2026-12-05T19:00:00+01:00" },
        ],
      },
    })
    const content = toRbmContentMessage("x", payload, "msg_4") as any
    expect(contentProblems(content)).toBeNull()
    const [pin, event] = content.richCard.standaloneCard.cardContent.suggestions
    expect(pin.action.viewLocationAction).toEqual({ latLong: { latitude: 48.8566, longitude: 2.3522 }, label: "Maison Demo" })
    expect(event.action.createCalendarEventAction).toEqual({ startTime: "2026-12-05T17:00:00.000Z", endTime: "2026-12-05T18:00:00.000Z", title: "Pickup" })
  })

  it("refuses a calendar event that ends before it starts, naming the field", () => {
    const result = rcsPayloadSchema.safeParse({
      type: "card",
      card: { title: "x", suggestions: [{ type: "create_calendar_event", text: "Add", title: "Pickup", start_time: "2026-12-05T19:00:00Z", end_time: "2026-12-05T18:00:00Z" }] },
    })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]).toMatchObject({ message: "the event must end after it starts", path: ["card", "suggestions", 0, "end_time"] })
  })

  it("the fake refuses what RBM refuses", () => {
    expect(contentProblems({ text: "a", richCard: {} })).toMatch(/exactly one/)
    expect(contentProblems({ richCard: { carouselCard: { cardWidth: "MEDIUM", cardContents: [{ title: "only one" }] } } })).toMatch(/2 to 10/)
    expect(contentProblems({ text: "hi", suggestions: [{ reply: { text: "x".repeat(26), postbackData: "p" } }] })).toMatch(/1 to 25/)
  })
})

describe("RBM message ids and service account", () => {
  it("derives one stable UUID per message, so a retry is deduplicated by RBM", () => {
    const id = rbmMessageId("msg_01ABC")
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(rbmMessageId("msg_01ABC")).toBe(id)
    expect(rbmMessageId("msg_01ABD")).not.toBe(id)
  })

  it("signs an RS256 JWT for the bearer grant with the RBM scope, an hour long", () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
    const key = { client_email: "agent@p.iam.gserviceaccount.com", private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), private_key_id: "kid1" }
    const token = new ServiceAccountToken(key, 1000, "https://oauth2.example/token", () => 1_764_000_000_000)
    const [h, c, s] = token.assertion().split(".")
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toEqual({ alg: "RS256", typ: "JWT", kid: "kid1" })
    expect(JSON.parse(Buffer.from(c, "base64url").toString())).toEqual({
      iss: "agent@p.iam.gserviceaccount.com",
      scope: "https://www.googleapis.com/auth/rcsbusinessmessaging",
      aud: "https://oauth2.example/token",
      iat: 1_764_000_000,
      exp: 1_764_003_600,
    })
    expect(createVerify("RSA-SHA256").update(`${h}.${c}`).verify(publicKey, Buffer.from(s, "base64url"))).toBe(true)
  })
})

describe("RCS options", () => {
  it("requires RBM settings for rcs.provider rbm, and a Messaging Service for Twilio RCS", () => {
    expect(() => parsePluginOptions({ rcs: { provider: "rbm" } })).toThrow(/"rbm": required when "rcs.provider" is "rbm"/)
    expect(() =>
      parsePluginOptions({
        provider: "twilio",
        twilio: { accountSid: `AC${"a".repeat(32)}`, authToken: "t", from: "+15005550006", publicUrl: "https://shop.example.com" },
        rcs: { provider: "twilio" },
      })
    ).toThrow(/messagingServiceSid/)
  })

  it("reads the service account key from its JSON text and names what is wrong in it", () => {
    const rbm = { agentId: "agent", clientToken: "client-token", serviceAccountKey: JSON.stringify({ client_email: "a@b.iam.gserviceaccount.com", private_key: "-----BEGIN PRIVATE KEY-----\nabc" }) }
    expect(parsePluginOptions({ rcs: { provider: "rbm" }, rbm }).rbm!.serviceAccountKey.client_email).toBe("a@b.iam.gserviceaccount.com")
    expect(() => parsePluginOptions({ rcs: { provider: "rbm" }, rbm: { ...rbm, serviceAccountKey: "{not json" } })).toThrow(/service account's JSON key/)
  })
})
