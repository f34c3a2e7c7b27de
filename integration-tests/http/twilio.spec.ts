import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DEFAULT_TEMPLATES } from "../../src/lib/templates/defaults"
import { twilioSignature } from "../../src/providers/twilio/twilio-signature"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { startFakeTwilio, type FakeTwilio } from "../fakes/twilio-server"
import { openStoreSession } from "../helpers/store-session"
import { freePort } from "../helpers/free-port"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-twilio")
jest.setTimeout(180_000)

const ACCOUNT_SID = `AC${"a1".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-auth-token"
const FROM = "+15005550006"
const OPTED_OUT = "+33600000099"

let fake: FakeTwilio
let publicUrl: string

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, refuse: { [OPTED_OUT]: 21610 } })
  const port = await freePort()
  publicUrl = `http://localhost:${port}`
  Object.assign(process.env, {
    PORT: String(port),
    SMS_RCS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: FROM,
    TWILIO_API_BASE_URL: fake.url,
    SMS_RCS_PUBLIC_URL: publicUrl,
    SMS_RCS_OPTIN_PER_IP: "12",
    SMS_RCS_ALLOWED_COUNTRIES: "FR,US",
  })
})

afterAll(async () => {
  await fake?.close()
})

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}`, admin)).data.messages
    const order = (email: string, phone: string) =>
      placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })

    /** POSTs a status callback as Twilio would, signed with `token` over `url`. */
    const callback = (path: string, params: Record<string, string>, token = AUTH_TOKEN, signedUrl = `${publicUrl}${path}`) =>
      api
        .post(path, new URLSearchParams(params).toString(), {
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": twilioSignature(token, signedUrl, params),
          },
        })
        .catch((e: any) => e.response)

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    it("sends the order confirmation through Twilio's API and records delivery from its signed callbacks", async () => {
      const placed = await order("tw@example.com", "06 12 34 56 78")
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "delivered"), {
        what: "delivery through Twilio",
      })
      const sent = fake.accepted.find((m) => m.message_id === message.id)!
      expect(sent).toMatchObject({ to: "+33612345678", from: FROM, body: message.body })
      expect(message).toMatchObject({ provider: "twilio", provider_message_id: sent.sid, attempts: 1 })
      await fake.drain()
      expect(fake.callbacks.filter((c) => c.url.includes(message.id)).map((c) => c.status)).toEqual([204, 204])
    })

    it("refuses forged, tampered, unsigned and re-addressed callbacks with 403, and ignores a replayed one", async () => {
      const placed = await order("forge@example.com", "06 98 76 54 32")
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "delivered"))
      const path = `/hooks/messaging/twilio/status?message_id=${message.id}`
      const failed = { MessageSid: message.provider_message_id, MessageStatus: "failed", ErrorCode: "30003", AccountSid: ACCOUNT_SID }

      expect((await callback(path, failed, "not-the-token")).status).toBe(403)
      const unsigned = await api
        .post(path, new URLSearchParams(failed).toString(), { headers: { "content-type": "application/x-www-form-urlencoded" } })
        .catch((e: any) => e.response)
      expect(unsigned.status).toBe(403)
      const signedForOtherBody = twilioSignature(AUTH_TOKEN, `${publicUrl}${path}`, { ...failed, MessageStatus: "delivered" })
      const tampered = await api
        .post(path, new URLSearchParams(failed).toString(), {
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signedForOtherBody },
        })
        .catch((e: any) => e.response)
      expect(tampered.status).toBe(403)
      expect((await callback(path, failed, AUTH_TOKEN, `https://elsewhere.example${path}`)).status).toBe(403)

      // A genuine but late "failed" after "delivered", and a replay of "delivered": accepted, changing nothing.
      expect((await callback(path, failed)).status).toBe(204)
      expect((await callback(path, { ...failed, MessageStatus: "delivered" })).status).toBe(204)
      const messaging = getContainer().resolve("messaging") as any
      await waitFor(async () => {
        const counts = await messaging.queueCounts()
        return counts.waiting + counts.active + counts.delayed === 0 ? true : undefined
      }, { what: "the status jobs to be processed" })
      const [after] = await messagesOf(placed.id)
      expect(after).toMatchObject({ id: message.id, status: "delivered", delivered_at: message.delivered_at })
    })

    /** A text a shopper sends to the store's number, as Twilio delivers it (signed). */
    const inbound = (from: string, body: string, sid = `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`) =>
      callback("/hooks/messaging/twilio/inbound", { MessageSid: sid, AccountSid: ACCOUNT_SID, From: from, To: FROM, Body: body })
    const repliesTo = (phone: string) =>
      api.get(`/admin/messaging/messages?to=${encodeURIComponent(phone)}`, admin).then((r: any) => r.data.messages)

    it("answers STOP once, revokes marketing with the text as proof, and ignores a replayed webhook", async () => {
      const phone = "+33611110001"
      const first = await inbound(phone, "Stop please", "SM0000000000000000000000000000stop")
      expect(first.status).toBe(200)
      expect(first.data).toBe("<Response></Response>")
      expect((await inbound(phone, "Stop please", "SM0000000000000000000000000000stop")).status).toBe(200)

      const [reply] = await waitFor(async () => {
        const messages = await repliesTo(phone)
        return messages.some((m: any) => m.status === "delivered") ? messages : undefined
      })
      expect((await repliesTo(phone)).length).toBe(1)
      expect(reply).toMatchObject({ template_key: "consent_stop_confirmation", purpose: "transactional", status: "delivered" })
      expect(reply.body).toBe("Maison Demo: you are unsubscribed and will get no more marketing texts from us. Reply START to subscribe again.")

      const messaging = getContainer().resolve("messaging") as any
      expect(await messaging.consentStateOf(phone)).toEqual({ marketing: "revoked" })
      const [event] = await messaging.listConsentEvents({ phone })
      expect(event).toMatchObject({ action: "revoke", source: "keyword", wording: "Stop please" })
      expect(event.evidence).toMatchObject({ inbound_message_id: "SM0000000000000000000000000000stop" })
    })

    it("answers in French, stops everything on STOP ALL but still confirms, and START undoes what it stopped", async () => {
      const phone = "+33611110002"
      await inbound(phone, "ARRÊT")
      const [fr] = await waitFor(async () => {
        const messages = await repliesTo(phone)
        return messages.some((m: any) => m.status === "delivered") ? messages : undefined
      })
      expect(fr.body).toBe("Maison Demo : desinscription confirmée, vous ne recevrez plus nos SMS promotionnels. Répondez START pour vous réinscrire.")

      await inbound(phone, "stopall")
      const messaging = getContainer().resolve("messaging") as any
      await waitFor(async () => ((await messaging.consentStateOf(phone)).transactional === "revoked" ? true : undefined))
      const placed = await order("stopall@example.com", phone)
      const confirmation = await waitFor(async () => (await messagesOf(placed.id))[0])
      const settled = await waitFor(async () => {
        const [m] = await messagesOf(placed.id)
        return m.status === "queued" || m.status === "sending" ? undefined : m
      })
      expect(confirmation.order_id).toBe(placed.id)
      expect(settled).toMatchObject({ status: "suppressed", status_reason: "opted_out: the recipient stopped all messages" })
      const stopAllReply = await waitFor(async () =>
        (await repliesTo(phone)).find((m: any) => m.id !== fr.id && m.template_key === "consent_stop_confirmation" && m.status === "delivered")
      )
      expect(stopAllReply.body).toBe("Maison Demo: you are unsubscribed and will get no more texts from us. Reply START to subscribe again.")

      // START re-subscribes what the owner's opt-outs ended: order texts (allowed before), not marketing (never granted)
      await inbound(phone, "START")
      await waitFor(async () => ((await messaging.consentStateOf(phone)).transactional === "granted" ? true : undefined))
      expect(await messaging.consentStateOf(phone)).toEqual({ marketing: "revoked", transactional: "granted" })
    })

    it("answers HELP with the store, frequency, rates and how to stop; stores other replies silently", async () => {
      const phone = "+33611110003"
      await inbound(phone, "help")
      const [help] = await waitFor(async () => {
        const messages = await repliesTo(phone)
        return messages.some((m: any) => m.status === "delivered") ? messages : undefined
      })
      expect(help.body).toBe(
        "Maison Demo: order updates and, if you opted in, offers. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out."
      )
      expect((await inbound(phone, "Is the blue one in stock?")).status).toBe(200)
      const messaging = getContainer().resolve("messaging") as any
      const stored = await messaging.listInboundMessages({ from: phone }, { order: { created_at: "ASC" } })
      expect(stored.map((m: any) => [m.body, m.intent])).toEqual([["help", "help"], ["Is the blue one in stock?", "none"]])
      expect(await repliesTo(phone)).toHaveLength(1)
    })

    it("answers a question through the signed webhook once, however often Twilio replays it, and hands a request for a person to the store", async () => {
      const phone = "+33611110009"
      const sid = "SM0000000000000000000000000wismo1"
      expect((await inbound(phone, "Where is my order?", sid)).status).toBe(200)
      expect((await inbound(phone, "Where is my order?", sid)).status).toBe(200)
      const [answer] = await waitFor(async () => {
        const messages = await repliesTo(phone)
        return messages.some((m: any) => m.status === "delivered") ? messages : undefined
      })
      expect(answer).toMatchObject({ template_key: "conversation_no_order", purpose: "transactional", status: "delivered" })
      // Twilio itself got the answer, from the store's number, once
      expect(fake.accepted.filter((m) => m.to === phone).map((m) => [m.from, m.body])).toEqual([[FROM, answer.body]])

      await inbound(phone, "Can I talk to an agent?")
      const conversation = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/conversations?q=${encodeURIComponent(phone)}`, admin)
        return data.conversations.find((c: any) => c.phone === phone && c.status === "waiting")
      })
      const { data: thread } = await api.get(`/admin/messaging/conversations/${conversation.id}`, admin)
      expect(thread.entries.map((e: any) => [e.direction, e.template_key ?? e.body])).toEqual([
        ["inbound", "Where is my order?"],
        ["outbound", "conversation_no_order"],
        ["inbound", "Can I talk to an agent?"],
        ["outbound", "conversation_handoff"],
      ])
    })

    it("sends a template's image as MMS to a US number, priced as one MMS, and the text alone to a French number", async () => {
      const image = "https://shop.example.com/mms/thanks.jpg"
      const saved = await api.post(
        "/admin/messaging/templates",
        { key: "order_confirmation", locale: "en", sms_body: DEFAULT_TEMPLATES.order_confirmation.sms.en, media_url: image },
        admin
      )
      expect(saved.data.template.media_url).toBe(image)
      const bad = await api
        .post("/admin/messaging/templates", { key: "order_confirmation", locale: "en", sms_body: "x", media_url: "javascript:alert(1)" }, admin)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      try {
        const us = await order("mms-us@example.com", "+1 415 555 0123")
        const fr = await order("mms-fr@example.com", "06 12 34 56 99")
        const delivered = (id: string) => waitFor(async () => (await messagesOf(id)).find((m: any) => m.status === "delivered"), { what: "the confirmation delivered" })
        const [usMessage, frMessage] = [await delivered(us.id), await delivered(fr.id)]
        expect(fake.accepted.find((m) => m.message_id === usMessage.id)).toMatchObject({ to: "+14155550123", media_urls: [image], body: usMessage.body })
        expect(usMessage).toMatchObject({ media_url: image, cost_amount: 0.02, cost_currency_code: "EUR" })
        expect(fake.accepted.find((m) => m.message_id === frMessage.id)!.media_urls).toEqual([])
        expect(frMessage).toMatchObject({ media_url: null, cost_amount: 0.045 * frMessage.segments })
      } finally {
        await api.delete(`/admin/messaging/templates/${saved.data.template.id}`, admin)
      }
    })

    it("refuses a forged inbound text", async () => {
      const forged = await callback(
        "/hooks/messaging/twilio/inbound",
        { MessageSid: "SMforged", From: "+33611110004", Body: "START" },
        "not-the-token"
      )
      expect(forged.status).toBe(403)
      const messaging = getContainer().resolve("messaging") as any
      expect(await messaging.consentStateOf("+33611110004")).toEqual({})
    })

    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const optIn = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api
        .post(
          "/store/messaging/consent",
          { wording: "Oui, je veux recevoir les offres de Maison Demo par SMS.", wording_version: "2026-11", ...body },
          { headers: { ...storeHeaders().headers, ...headers } }
        )
        .catch((e: any) => e.response)

    it("completes a guest's storefront opt-in only when the shopper replies YES, with both as proof", async () => {
      const phone = "+33611110005"
      const asked = await optIn({ phone: "06 11 11 00 05", country_code: "FR", locale: "fr" }, { "user-agent": "StorefrontTest/1.0" })
      expect(asked.status).toBe(202)
      expect(asked.data).toEqual({ consent: { phone, purpose: "marketing", status: "requested" } })

      const [ask] = await waitFor(async () => {
        const messages = await repliesTo(phone)
        return messages.some((m: any) => m.status === "delivered") ? messages : undefined
      })
      expect(ask).toMatchObject({ template_key: "consent_double_opt_in", purpose: "transactional" })
      expect(ask.body).toBe(
        "Maison Demo : répondez OUI pour recevoir nos offres par SMS. Msg frequency varies. Frais selon votre opérateur. STOP pour refuser."
      )

      const messaging = getContainer().resolve("messaging") as any
      expect(await messaging.consentStateOf(phone)).toEqual({ marketing: "pending" })
      await inbound(phone, "OUI")
      await waitFor(async () => ((await messaging.consentStateOf(phone)).marketing === "granted" ? true : undefined))
      const events = await messaging.listConsentEvents({ phone, purpose: "marketing" }, { order: { occurred_at: "ASC" } })
      expect(events.map((e: any) => [e.action, e.source])).toEqual([
        ["request", "storefront_form"],
        ["grant", "double_opt_in"],
      ])
      expect(events[0]).toMatchObject({ wording_version: "2026-11", user_agent: "StorefrontTest/1.0", locale: "fr" })
      expect(events[0].ip).toBeTruthy()
    })

    it("records a logged-in customer's opt-in request against the customer, and lists only numbers they proved", async () => {
      const email = "optin@example.com"
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-pass" })
      await api.post("/store/customers", { email, first_name: "Inès" }, { headers: { ...storeHeaders().headers, authorization: `Bearer ${reg.token}` } })
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "secret-pass" })
      const auth = { authorization: `Bearer ${login.token}` }

      expect((await optIn({ phone: "+33611110006" }, auth)).data.consent.status).toBe("requested")
      const messaging = getContainer().resolve("messaging") as any
      const [request] = await messaging.listConsentEvents({ phone: "+33611110006", action: "request" })
      expect(request.customer_id).toMatch(/^cus_/)
      // a typed number is not the customer's until they prove it with a code: GET does not tell its state
      const { data } = await api.get("/store/messaging/consent", { headers: { ...storeHeaders().headers, ...auth } })
      expect(data.consents).toEqual([])
      const anonymous = await api.get("/store/messaging/consent", storeHeaders()).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it.each([
      [{ phone: "1234" }, /^Invalid phone: "1234" is not a valid phone number/],
      [{ phone: "+33 8 99 12 34 56" }, /^Invalid phone: premium_rate numbers are not messaged/],
      [{ phone: "+44 7400 123456" }, /^Invalid phone: country GB is not in the allowed countries \(FR, US\)/],
      [{ phone: "+33611110007", wording: "short" }, /wording/],
      [{ phone: "+33611110007", purpose: "spam" }, /purpose/],
    ])("refuses %j with a 400 that says why", async (body, message) => {
      const refused = await optIn(body)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(message)
    })

    it("lets anyone opt out without an account, and slows down a flood on one number range with 429", async () => {
      const revoke = (i: number) =>
        api
          .post("/store/messaging/consent/revoke", { phone: `+336111120${String(i).padStart(2, "0")}` }, storeHeaders())
          .catch((e: any) => e.response)
      const first = await revoke(0)
      expect(first.data).toEqual({ consent: { phone: "+33611112000", purpose: "marketing", status: "revoked" } })
      const statuses = [first.status]
      // one address may opt out far more (a shared proxy address must not block everyone's opt-out); one
      // number range (the number less its last 4 digits) is limited to 20 an hour
      for (let i = 1; i < 24; i++) statuses.push((await revoke(i)).status)
      expect(statuses.indexOf(429)).toBe(20)
      const limited = await revoke(30)
      expect(limited.data.message).toBe("Too many requests from this number range; try again in an hour.")
    })

    it("suppresses a number Twilio refuses because its owner opted out (21610)", async () => {
      const placed = await order("stop@example.com", OPTED_OUT)
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "suppressed"))
      expect(message.status_reason).toBe("21610: twilio: the recipient replied STOP to this sender")
      expect(message.attempts).toBe(1)
      // Twilio blocks every message to this number now: the ledger says so too.
      const messaging = getContainer().resolve("messaging") as any
      expect(await messaging.consentStateOf(OPTED_OUT)).toEqual({ transactional: "revoked" })
    })
  },
})
