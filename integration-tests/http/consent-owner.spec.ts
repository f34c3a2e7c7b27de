import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { signedInbound, useTwilioApp } from "../helpers/twilio-app"
import { waitFor } from "../helpers/wait-for"

/**
 * Consent changes only by the number's owner, the holes a review found after issue 14: a code that was
 * never texted cannot be confirmed, nor can a number's codes be guessed without end; a stranger's opt-in
 * request neither wipes the owner's STOP nor ties the number to the stranger's account; codes and "reply
 * YES" asks share one daily allowance per number and the store a cap of codes per hour; single opt-in
 * needs the customer's own verified number; opt-outs are not blocked by a shared address's opt-in limit.
 * The store runs with double opt-in off (the riskier setting) and a low store-wide code cap. Real
 * PostgreSQL, Redis and app; only Twilio is faked, at its HTTP boundary.
 */
isolateQueues("http-consent-owner")
jest.setTimeout(240_000)

const ACCOUNT_SID = `AC${"c1".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-auth-token-owner"
const FROM = "+15005550006"
const PER_IP = 30
const CODES_PER_HOUR = 14

/** A French mobile number of its own for each use: its prefix (less the last 4 digits) differs too. */
const phone = (n: number) => `+3361${String(n).padStart(2, "0")}00001`

const twilioApp = useTwilioApp({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, { SMS_RCS_OPTIN_PER_IP: String(PER_IP), SMS_RCS_DOUBLE_OPT_IN: "off", SMS_RCS_CODES_PER_HOUR: String(CODES_PER_HOUR) })

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    const messaging = () => getContainer().resolve("messaging") as any
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const storeHeaders = (extra: Record<string, string> = {}) => ({
      headers: { "x-publishable-api-key": store.publishable_key, ...extra },
    })
    // A request that got no answer at all (a kept-alive socket the server closed while codeBehind held the event
    // loop for its million HMACs) is sent once more: the routes under test answer every request they receive.
    const post = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api
        .post(path, body, storeHeaders(headers))
        .catch((e: any) => e.response ?? api.post(path, body, storeHeaders(headers)).catch((again: any) => again.response))
    const optIn = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      post("/store/messaging/consent", { wording: "Yes, text me offers from Maison Demo.", wording_version: "2026-12", ...body }, headers)
    const askCode = (p: string, headers: Record<string, string> = {}) =>
      post("/store/messaging/consent/verification", { phone: p, action: "grant" }, headers)
    const confirm = (id: string, code: string) => post("/store/messaging/consent/verification/confirm", { id, code })
    const inbound = (from: string, body: string) =>
      signedInbound(api, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, publicUrl: twilioApp.publicUrl() }, from, body)
    const messagesTo = async (to: string) =>
      (await api.get(`/admin/messaging/messages?to=${encodeURIComponent(to)}`, admin)).data.messages as any[]
    const textsTo = (to: string) => twilioApp.fake().accepted.filter((m) => m.to === to)
    const state = (p: string) => messaging().consentStateOf(p)
    const until = <T>(what: string, check: () => Promise<T | undefined>) => waitFor(check, { what })
    /** Waits until every message to `to` has left the pipeline (delivered, suppressed …). */
    const settled = (to: string) =>
      until(`the messages to ${to} to settle`, async () => {
        const messages = await messagesTo(to)
        return messages.every((m) => !["queued", "sending", "sent", "deferred"].includes(m.status)) ? messages : undefined
      })
    const stateIs = (p: string, purpose: string, status: string) =>
      until(`${purpose} ${status} for ${p}`, async () => ((await state(p))[purpose] === status ? true : undefined))
    /** A marketing subscriber by the book: an anonymous request, the "reply YES" text, the owner's YES. */
    const subscribe = async (p: string) => {
      expect((await optIn({ phone: p })).status).toBe(202)
      await inbound(p, "YES")
      await stateIs(p, "marketing", "granted")
    }
    const codeTextedTo = async (p: string, after = 0) => {
      const text = await until("the code texted", async () => textsTo(p).slice(after).find((m) => /code is \d{6}/.test(m.body)))
      return text.body.match(/code is (\d{6})/)![1]
    }
    /** A logged-in shopper's bearer header. */
    const account = async (email: string) => {
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-pass" })
      await api.post("/store/customers", { email, first_name: "Eve" }, storeHeaders({ authorization: `Bearer ${reg.token}` }))
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "secret-pass" })
      return { authorization: `Bearer ${login.token}` }
    }
    /** Proves `p` for the account: asks a code with its session and confirms the code texted. */
    const verifyOwn = async (p: string, auth: Record<string, string>) => {
      const before = textsTo(p).length
      const { data } = await askCode(p, auth)
      expect((await confirm(data.verification.id, await codeTextedTo(p, before))).status).toBe(200)
    }
    /**
     * What someone with read access to the table and the key (or all the time in the world) would find:
     * the code a row's HMAC stands for, if it stands for one.
     */
    const codeBehind = async (id: string): Promise<string | null> => {
      const [row] = await messaging().listPhoneVerifications({ id })
      const secret = await messaging().parts_.keys.secret("verification")
      for (let n = 0; n < 1_000_000; n++) {
        const code = String(n).padStart(6, "0")
        if (createHmac("sha256", secret).update(`${id}:${code}`).digest("hex") === row.code_hash) return code
      }
      return null
    }

    beforeEach(async () => {
      ;({ store, admin } = await openStoreSession(api, getContainer()))
    })

    it("never confirms a code that was not texted, even to whoever recovers it from the table and the key", async () => {
      // after STOP ALL the code is withheld: the row holds no code anyone could confirm
      const stopped = phone(1)
      await inbound(stopped, "STOP ALL")
      await stateIs(stopped, "transactional", "revoked")
      const asked = await askCode(stopped)
      expect(asked.status).toBe(202)
      const { id } = asked.data.verification
      await settled(stopped)
      expect(textsTo(stopped).filter((m) => /code is/.test(m.body))).toEqual([])
      const recovered = await codeBehind(id)
      const tried = await confirm(id, recovered ?? "000000")
      expect(tried.status).toBe(400)
      expect(tried.data).toMatchObject({ code: "wrong_code" })
      expect(await state(stopped)).toMatchObject({ transactional: "revoked" })
    })

    it("caps wrong codes per number per day, however many codes are asked", async () => {
      // 10 wrong codes for a number in a day, over two codes: its third code is refused even when right
      const guessed = phone(2)
      const ids: string[] = []
      for (let i = 0; i < 3; i++) ids.push((await askCode(guessed)).data.verification.id)
      await until("three codes texted", async () => (textsTo(guessed).length === 3 ? true : undefined))
      const codes = textsTo(guessed).map((m) => m.body.match(/code is (\d{6})/)![1])
      for (const wrongId of ids.slice(0, 2)) {
        for (let i = 0; i < 5; i++) await confirm(wrongId, codes[2] === "999999" ? "999998" : "999999")
      }
      const last = await confirm(ids[2], codes[2])
      expect(last.data).toMatchObject({ code: "code_expired" })
      expect(await state(guessed)).toEqual({})
    })

    it("keeps the owner's STOP through a stranger's opt-in request, so the owner's START still re-subscribes", async () => {
      const p = phone(3)
      await subscribe(p)
      await inbound(p, "STOP")
      await stateIs(p, "marketing", "revoked")
      expect((await optIn({ phone: p })).status).toBe(202)
      expect(await state(p)).toMatchObject({ marketing: "revoked" })
      const [consent] = await messaging().listConsents({ phone: p, purpose: "marketing" })
      expect(consent.status).toBe("revoked")
      await inbound(p, "START")
      await stateIs(p, "marketing", "granted")
    })

    it("lists in GET /store/messaging/consent only the numbers the customer proved, not those they typed", async () => {
      const subscribed = phone(4)
      const stopped = phone(5)
      const fresh = phone(6)
      const own = phone(7)
      await subscribe(subscribed)
      await inbound(stopped, "STOP ALL")
      await stateIs(stopped, "transactional", "revoked")
      const eve = await account("eve-lists@example.com")
      for (const p of [subscribed, stopped, fresh]) expect((await optIn({ phone: p }, eve)).status).toBe(202)
      const listed = async () => (await api.get("/store/messaging/consent", storeHeaders(eve))).data.consents as any[]
      expect(await listed()).toEqual([])
      for (const p of [subscribed, stopped, fresh]) {
        const rows = await messaging().listConsents({ phone: p })
        expect(rows.filter((r: any) => r.customer_id)).toEqual([])
      }

      await verifyOwn(own, eve)
      expect((await listed()).map((c) => c.phone)).toEqual([own])
    })

    it("grants at once with double opt-in off only the customer's own verified number, never undoing someone's STOP", async () => {
      const stopped = phone(8)
      const unsubscribed = phone(9)
      const stranger = phone(10)
      const own = phone(11)
      await inbound(stopped, "STOP ALL")
      await stateIs(stopped, "transactional", "revoked")
      await subscribe(unsubscribed)
      await inbound(unsubscribed, "STOP")
      await stateIs(unsubscribed, "marketing", "revoked")
      const mallory = await account("mallory-single@example.com")
      for (const p of [stopped, unsubscribed, stranger]) expect((await optIn({ phone: p }, mallory)).status).toBe(202)
      expect(await state(stopped)).toMatchObject({ marketing: "revoked", transactional: "revoked" })
      expect(await state(unsubscribed)).toMatchObject({ marketing: "revoked" })
      expect((await state(stranger)).marketing).not.toBe("granted")

      await verifyOwn(own, mallory)
      expect((await optIn({ phone: own }, mallory)).status).toBe(202)
      await stateIs(own, "marketing", "granted")
    })

    it("lets codes and 'reply YES' asks share three texts per number per day", async () => {
      // an ask, then three codes: the third code is not texted
      const askedFirst = phone(12)
      expect((await optIn({ phone: askedFirst })).status).toBe(202)
      await until("the ask texted", async () => (textsTo(askedFirst).length === 1 ? true : undefined))
      for (let i = 0; i < 3; i++) expect((await askCode(askedFirst)).status).toBe(202)
      await settled(askedFirst)
      expect(textsTo(askedFirst)).toHaveLength(3)

      // three codes, then an ask: the ask is not texted
      const codesFirst = phone(13)
      for (let i = 0; i < 3; i++) expect((await askCode(codesFirst)).status).toBe(202)
      await until("three codes texted", async () => (textsTo(codesFirst).length === 3 ? true : undefined))
      expect((await optIn({ phone: codesFirst })).status).toBe(202)
      await settled(codesFirst)
      expect(textsTo(codesFirst)).toHaveLength(3)
    })

    it("lets one address send far more opt-outs than opt-ins: a shared proxy address cannot block everyone's opt-out", async () => {
      const statuses: number[] = []
      for (let i = 0; i <= PER_IP + 2; i++) statuses.push((await post("/store/messaging/consent/revoke", { phone: phone(40 + i) })).status)
      expect(statuses.every((s) => s === 200)).toBe(true)
    })

    // last: it uses up the store's codes for the hour
    it("texts at most the store-wide number of codes per hour", async () => {
      const { rows } = await db().raw(`SELECT count(*)::int AS n FROM sms_rcs_phone_verification WHERE code_hash ~ '^[0-9a-f]{64}$'`)
      const room = CODES_PER_HOUR - rows[0].n
      expect(room).toBeGreaterThan(0)
      const numbers = Array.from({ length: room + 1 }, (_, i) => phone(80 + i))
      for (const p of numbers) expect((await askCode(p)).status).toBe(202)
      for (const p of numbers) await settled(p)
      expect(numbers.filter((p) => textsTo(p).length > 0)).toEqual(numbers.slice(0, room))
    })
  },
})
