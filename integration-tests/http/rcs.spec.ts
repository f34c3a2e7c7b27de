import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rbmSignature } from "../../src/providers/rbm/rbm-signature"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { startFakeRbm, type FakeRbm } from "../fakes/rbm-server"
import { startFakeTwilio, type FakeTwilio } from "../fakes/twilio-server"
import { openStoreSession } from "../helpers/store-session"
import { freePort } from "../helpers/free-port"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-rcs")
jest.setTimeout(240_000)

const ACCOUNT_SID = `AC${"b2".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-auth-token-rcs"
const AGENT_ID = "maison-demo-agent"
const CLIENT_TOKEN = "rbm-client-token-for-tests"

/** An RCS phone, an SMS-only phone, and an RCS phone that stays offline (national French numbers). */
const RCS_PHONE = { national: "06 12 34 00 11", e164: "+33612340011" }
const SMS_PHONE = { national: "06 98 76 00 22", e164: "+33698760022" }
const OFFLINE_PHONE = { national: "07 81 22 00 33", e164: "+33781220033" }

let twilio: FakeTwilio
let rbm: FakeRbm

beforeAll(async () => {
  twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
  rbm = await startFakeRbm({
    agentId: AGENT_ID,
    clientToken: CLIENT_TOKEN,
    capable: [RCS_PHONE.e164, OFFLINE_PHONE.e164],
    offline: [OFFLINE_PHONE.e164],
  })
  const port = await freePort()
  const publicUrl = `http://localhost:${port}`
  rbm.setWebhookUrl(`${publicUrl}/hooks/messaging/rbm`)
  Object.assign(process.env, {
    PORT: String(port),
    SMS_RCS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_BASE_URL: twilio.url,
    SMS_RCS_PUBLIC_URL: publicUrl,
    SMS_RCS_RCS_PROVIDER: "rbm",
    SMS_RCS_RCS_TTL_SECONDS: "5",
    RBM_AGENT_ID: AGENT_ID,
    RBM_SERVICE_ACCOUNT_KEY: JSON.stringify(rbm.serviceAccount),
    RBM_CLIENT_TOKEN: CLIENT_TOKEN,
    RBM_API_BASE_URL: rbm.url,
    RBM_TOKEN_URL: rbm.tokenUrl,
  })
})

afterAll(async () => {
  await rbm?.close()
  await twilio?.close()
})

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}&order=created_at`, admin)).data.messages
    const order = (email: string, phone: string) =>
      placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })
    /** POSTs to the RBM webhook as Google would, or as a forger would. */
    const webhook = (body: unknown, headers: Record<string, string> = {}) =>
      api
        .post("/hooks/messaging/rbm", typeof body === "string" ? body : JSON.stringify(body), {
          headers: { "content-type": "application/json", ...headers },
        })
        .catch((e: any) => e.response)
    const signedEvent = (data: Record<string, unknown>, token = CLIENT_TOKEN) => {
      const encoded = Buffer.from(JSON.stringify(data)).toString("base64")
      return { body: { message: { data: encoded, messageId: "1", publishTime: new Date().toISOString() } }, signature: rbmSignature(token, encoded) }
    }

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    it("sends one order confirmation three ways: RCS card via RBM, SMS via Twilio to a phone without RCS, and RCS that expires and falls back to SMS", async () => {
      const [rcsOrder, smsOrder, offlineOrder] = [
        await order("rcs@example.com", RCS_PHONE.national),
        await order("sms@example.com", SMS_PHONE.national),
        await order("offline@example.com", OFFLINE_PHONE.national),
      ]

      // 1. RCS to a capable phone: a rich card through RBM, delivered then read through signed webhooks
      const rcs = await waitFor(async () => (await messagesOf(rcsOrder.id)).find((m: any) => m.status === "read"), {
        what: "the RCS confirmation to be read",
      })
      expect(rcs).toMatchObject({ channel: "rcs", provider: "rbm", to: RCS_PHONE.e164, template_key: "order_confirmation" })
      expect(rcs.delivered_at).toBeTruthy()
      const sentCard = [...rbm.messages.values()].find((m) => m.messageId === rcs.provider_message_id)!
      expect(sentCard.phone).toBe(RCS_PHONE.e164)
      expect(sentCard.ttl).toBe("5s")
      const card = sentCard.contentMessage.richCard.standaloneCard.cardContent
      expect(card.title).toBe(`Order #${rcsOrder.display_id} is confirmed`)
      expect(card.suggestions[0].reply).toMatchObject({ text: "Thanks!" })
      expect(card.suggestions[0].reply.postbackData).toBe(`order_confirmation_thanks~ref:${rcs.id}`)
      // the SMS text stays on the row: it is what a fallback would send
      expect(rcs.body).toContain(`Order #${rcsOrder.display_id}`)
      expect(twilio.accepted.find((m) => m.to === RCS_PHONE.e164)).toBeUndefined()

      // 2. a phone without RCS: the capability check says no, and the same message goes out as SMS via Twilio
      const sms = await waitFor(async () => (await messagesOf(smsOrder.id)).find((m: any) => m.status === "delivered"), {
        what: "the SMS confirmation to be delivered",
      })
      expect(sms).toMatchObject({ channel: "sms", provider: "twilio", to: SMS_PHONE.e164 })
      expect(sms.status_reason).toMatch(/sent as SMS: the phone cannot receive RCS \(rbm/)
      expect(rbm.capabilityChecks).toContain(SMS_PHONE.e164)
      expect([...rbm.messages.values()].some((m) => m.phone === SMS_PHONE.e164)).toBe(false)
      expect(twilio.accepted.filter((m) => m.to === SMS_PHONE.e164)).toHaveLength(1)

      // 3. an RCS phone that stays offline: RBM revokes the card at its TTL, and the SMS replaces it
      const [expired, fallback] = await waitFor(
        async () => {
          const rows = await messagesOf(offlineOrder.id)
          const rcsRow = rows.find((m: any) => m.channel === "rcs" && m.status === "expired")
          const smsRow = rows.find((m: any) => m.channel === "sms" && m.status === "delivered")
          return rcsRow && smsRow ? [rcsRow, smsRow] : undefined
        },
        { what: "the expired RCS message and its delivered SMS fallback", attempts: 300 }
      )
      expect(expired).toMatchObject({ provider: "rbm", to: OFFLINE_PHONE.e164 })
      expect(fallback).toMatchObject({ provider: "twilio", fallback_of_id: expired.id, to: OFFLINE_PHONE.e164, body: expired.body })
      expect(fallback.status_reason ?? "").not.toMatch(/failed/)

      // nothing sent twice: one message per order, two (RCS + its fallback) for the offline phone
      expect(await messagesOf(rcsOrder.id)).toHaveLength(1)
      expect(await messagesOf(smsOrder.id)).toHaveLength(1)
      expect(await messagesOf(offlineOrder.id)).toHaveLength(2)
      expect(twilio.accepted.filter((m) => m.to === OFFLINE_PHONE.e164)).toHaveLength(1)

      // every webhook the fake sent was accepted
      await rbm.drain()
      expect(rbm.webhookCalls.length).toBeGreaterThanOrEqual(3)
      expect(rbm.webhookCalls.every((call) => call.status === 200)).toBe(true)

      // the capability answers are cached: a second order to the RCS phone asks RBM nothing
      const checksBefore = rbm.capabilityChecks.filter((p) => p === RCS_PHONE.e164).length
      const again = await order("rcs@example.com", RCS_PHONE.national)
      await waitFor(async () => (await messagesOf(again.id)).find((m: any) => m.status === "read"), { what: "the second RCS message" })
      expect(rbm.capabilityChecks.filter((p) => p === RCS_PHONE.e164)).toHaveLength(checksBefore)
    })

    it("answers the console's handshake, refuses forged, tampered and unsigned webhooks, and ignores a replayed one", async () => {
      expect((await webhook({ clientToken: CLIENT_TOKEN, secret: "s3cr3t-from-console" })).data).toBe("s3cr3t-from-console")
      expect((await webhook({ clientToken: "not-the-token", secret: "x" })).status).toBe(403)

      const placed = await order("forge-rcs@example.com", RCS_PHONE.national)
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "read"))
      const expire = { phoneNumber: RCS_PHONE.e164, messageId: message.provider_message_id, agentId: AGENT_ID, eventType: "TTL_EXPIRATION_REVOKED", eventId: "MxForged1", sendTime: new Date().toISOString() }

      const forged = signedEvent(expire, "guessed-token")
      expect((await webhook(forged.body, { "x-goog-signature": forged.signature })).status).toBe(403)
      expect((await webhook(signedEvent(expire).body)).status).toBe(403)
      const genuine = signedEvent({ ...expire, eventType: "READ" })
      const tampered = signedEvent(expire)
      expect((await webhook(tampered.body, { "x-goog-signature": genuine.signature })).status).toBe(403)
      const notJson = { message: { data: Buffer.from("not json").toString("base64") } }
      expect((await webhook(notJson, { "x-goog-signature": rbmSignature(CLIENT_TOKEN, notJson.message.data) })).status).toBe(400)

      // a replay of a real DELIVERED event: acknowledged as a duplicate, nothing changes
      await rbm.drain()
      const delivered = rbm.webhookCalls.find((call) => {
        const data = JSON.parse(Buffer.from(JSON.parse(call.body).message.data, "base64").toString())
        return data.messageId === message.provider_message_id && data.eventType === "DELIVERED"
      })!
      const replay = await webhook(delivered.body, { "x-goog-signature": delivered.signature })
      expect(replay.status).toBe(200)
      expect(replay.data).toEqual({ duplicate: true })

      const [after] = await messagesOf(placed.id)
      expect(after).toMatchObject({ id: message.id, status: "read", read_at: message.read_at })
      expect(await messagesOf(placed.id)).toHaveLength(1)
    })

    it("counts a tap on a suggested reply as a touch of its message, and applies STOP typed in the RCS conversation", async () => {
      const placed = await order("tap@example.com", RCS_PHONE.national)
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "read"))
      const sent = [...rbm.messages.values()].find((m) => m.messageId === message.provider_message_id)!
      const chip = sent.contentMessage.richCard.standaloneCard.cardContent.suggestions[0].reply
      expect(await rbm.tapSuggestion(RCS_PHONE.e164, chip.postbackData, chip.text)).toBe(200)

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      const clicks = await waitFor(async () => {
        const rows = await knex("sms_rcs_click").where({ message_id: message.id, kind: "suggestion" })
        return rows.length ? rows : undefined
      }, { what: "the suggestion tap" })
      expect(clicks).toHaveLength(1)
      const inbound = await knex("sms_rcs_inbound_message").where({ provider: "rbm", from: RCS_PHONE.e164 })
      expect(inbound.map((row: any) => row.body)).toContain("Thanks!")

      const messaging = getContainer().resolve("messaging") as any
      await messaging.recordConsent({ phone: RCS_PHONE.e164, purpose: "marketing", action: "grant", source: "admin", evidence: { test: true } })
      expect(await rbm.userText(RCS_PHONE.e164, "STOP")).toBe(200)
      await waitFor(async () => ((await messaging.consentStateOf(RCS_PHONE.e164)).marketing === "revoked" ? true : undefined), {
        what: "STOP to revoke marketing consent",
      })
    })

    it("answers a \"Track my order\" tap with the phone's open orders as a carousel, through the signed RBM webhook", async () => {
      const [a, b] = [await order("carousel-a@example.com", RCS_PHONE.national), await order("carousel-b@example.com", RCS_PHONE.national)]
      expect(await rbm.tapSuggestion(RCS_PHONE.e164, "track_order", "Track my order")).toBe(200)
      const answer = await waitFor(async () => [...rbm.messages.values()].find((m: any) => m.contentMessage?.richCard?.carouselCard), {
        what: "the carousel of open orders",
      })
      const titles = (answer as any).contentMessage.richCard.carouselCard.cardContents.map((c: any) => c.title)
      expect(titles).toEqual(expect.arrayContaining([`Order #${a.display_id}`, `Order #${b.display_id}`]))
      const { data } = await api.get(`/admin/messaging/conversations?q=${encodeURIComponent(RCS_PHONE.e164)}`, admin)
      const conversation = data.conversations.find((c: any) => c.phone === RCS_PHONE.e164)
      expect(conversation.channel).toBe("rcs")
      const { data: thread } = await api.get(`/admin/messaging/conversations/${conversation.id}`, admin)
      expect(thread.entries.filter((e: any) => e.automatic).map((e: any) => [e.template_key, e.channel])).toContainEqual(["conversation_order_list", "rcs"])
    })

    it("shows the providers, their webhook URLs and health to the admin, without secrets", async () => {
      const { data } = await api.get("/admin/messaging/providers", admin)
      expect(data.rcs).toMatchObject({ enabled: true, automatic: true, provider: "rbm", ttl_seconds: 5, sms_fallback: true })
      const byId = Object.fromEntries(data.providers.map((p: any) => [p.id, p]))
      expect(byId.twilio).toMatchObject({ roles: ["sms"], channels: ["sms"] })
      expect(byId.rbm).toMatchObject({ roles: ["rcs"], channels: ["rcs"], checks_capability: true, can_revoke: true })
      expect(byId.rbm.webhooks[0].url).toMatch(/\/hooks\/messaging\/rbm$/)
      const text = JSON.stringify(data)
      for (const secret of [AUTH_TOKEN, CLIENT_TOKEN, "PRIVATE KEY"]) expect(text).not.toContain(secret)

      const { data: health } = await api.post("/admin/messaging/providers/rbm/check", {}, admin)
      expect(health.health).toMatchObject({ id: "rbm", ok: true })
      const missing = await api.post("/admin/messaging/providers/vonage/check", {}, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)

      const { data: test } = await api.post("/admin/messaging/providers/test-send", { phone: RCS_PHONE.national, channel: "rcs" }, admin)
      expect(test.message).toMatchObject({ channel: "rcs", to: RCS_PHONE.e164 })
      const tested = await waitFor(async () => {
        const { data: row } = await api.get(`/admin/messaging/messages/${test.message.id}`, admin)
        return row.message.status === "read" ? row.message : undefined
      }, { what: "the RCS test message" })
      expect(tested.provider).toBe("rbm")
    })
  },
})
