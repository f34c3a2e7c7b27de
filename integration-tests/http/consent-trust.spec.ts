import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { signedInbound, useTwilioApp } from "../helpers/twilio-app"
import { waitFor } from "../helpers/wait-for"

/**
 * Consent changes only by the number's owner (issue 14): the storefront cannot touch transactional
 * consent without proof of the number; opt-in texts are limited per number and never go after STOP ALL;
 * limits follow the TCP peer, not a header; YES / START do only what they say; an admin's template key
 * is not a consent bypass; the ledger follows the database's clock. Real PostgreSQL, Redis and app; only
 * Twilio is faked, at its HTTP boundary.
 */
isolateQueues("http-consent-trust")
// the campaign test sends marketing at any hour
process.env.SMS_RCS_QUIET_HOURS = "off"
jest.setTimeout(240_000)

const ACCOUNT_SID = `AC${"c0".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-auth-token-consent"
const FROM = "+15005550006"
const OPT_IN_PER_IP = 30

/** A French mobile number of its own for each test: its prefix (less the last 4 digits) differs too. */
const phone = (n: number) => `+3361${String(n).padStart(2, "0")}00001`

const twilioApp = useTwilioApp({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }, { SMS_RCS_OPTIN_PER_IP: String(OPT_IN_PER_IP) })

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    const messaging = () => getContainer().resolve("messaging") as any
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const storeHeaders = (extra: Record<string, string> = {}) => ({
      headers: { "x-publishable-api-key": store.publishable_key, ...extra },
    })
    const post = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.post(path, body, storeHeaders(headers)).catch((e: any) => e.response)
    const optIn = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      post("/store/messaging/consent", { wording: "Yes, text me offers from Maison Demo.", wording_version: "2026-12", ...body }, headers)
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
    const stopAll = async (p: string) => {
      await inbound(p, "STOP ALL")
      await until("STOP ALL recorded", async () => ((await state(p)).transactional === "revoked" ? true : undefined))
    }
    /** A marketing subscriber by the book: storefront request, the "reply YES" text, the owner's YES. */
    const subscribe = async (p: string) => {
      expect((await optIn({ phone: p })).status).toBe(202)
      await inbound(p, "YES")
      await until("the YES recorded", async () => ((await state(p)).marketing === "granted" ? true : undefined))
    }
    const codeTextedTo = async (p: string, after = 0) => {
      const text = await until("the code texted", async () => textsTo(p).slice(after).find((m) => /code is \d{6}/.test(m.body)))
      return text.body.match(/code is (\d{6})/)![1]
    }

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    it("refuses transactional consent changes from an anonymous storefront request: nobody stops a stranger's order texts or undoes their STOP ALL", async () => {
      const stopped = phone(1)
      await stopAll(stopped)
      const grant = await optIn({ phone: stopped, purpose: "transactional" })
      expect(grant.status).toBe(403)
      expect(grant.data).toMatchObject({ code: "proof_of_number_required", message: expect.stringMatching(/consent\/verification/) })
      expect(await state(stopped)).toEqual({ marketing: "revoked", transactional: "revoked" })

      const stranger = phone(2)
      const revoke = await post("/store/messaging/consent/revoke", { phone: stranger, purpose: "transactional" })
      expect(revoke.status).toBe(403)
      expect(await state(stranger)).toEqual({})
      // marketing stays as easy to stop as it was
      const marketing = await post("/store/messaging/consent/revoke", { phone: stranger })
      expect(marketing.data).toEqual({ consent: { phone: stranger, purpose: "marketing", status: "revoked" } })
    })

    it("ignores a transactional box ticked at checkout: an order with someone's number does not undo their STOP ALL", async () => {
      const stopped = phone(22)
      await stopAll(stopped)
      const placed = await placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: "not-the-owner@example.com",
        phone: stopped,
        metadata: { sms_opt_in: { wording: "Text me about my order, please.", wording_version: "checkout-1", purpose: "transactional" } },
      })
      // run the checkout opt-in for this order to its end (as order.placed does), then look
      const { default: checkoutOptIn } = require("medusa-plugin-sms-rcs/subscribers/checkout-opt-in")
      await checkoutOptIn({ event: { name: "order.placed", data: { id: placed.id } }, container: getContainer(), pluginOptions: {} })
      expect(await state(stopped)).toEqual({ marketing: "revoked", transactional: "revoked" })
      const confirmation = await until("the order confirmation settled", async () => {
        const { data } = await api.get(`/admin/messaging/messages?order_id=${placed.id}`, admin)
        const m = data.messages[0]
        return m && !["queued", "sending"].includes(m.status) ? m : undefined
      })
      expect(confirmation).toMatchObject({ status: "suppressed", status_reason: "opted_out: the recipient stopped all messages" })
      expect(await state(stopped)).toEqual({ marketing: "revoked", transactional: "revoked" })
      expect(await messaging().listConsentEvents({ phone: stopped, source: "checkout" })).toEqual([])
    })

    it("proves the number with a texted code: expiring, limited tries, used once, stored only as a keyed hash", async () => {
      const p = phone(3)
      const asked = await post("/store/messaging/consent/verification", { phone: "06 10 30 00 01", country_code: "FR", action: "revoke" })
      expect(asked.status).toBe(202)
      expect(Object.keys(asked.data.verification).sort()).toEqual(["expires_at", "id"])
      const { id } = asked.data.verification
      const code = await codeTextedTo(p)
      expect(textsTo(p)[0].body).toBe(`Maison Demo: your code is ${code}. It expires in 10 minutes. If you did not ask for it, ignore this text.`)
      const [row] = await messaging().listPhoneVerifications({ id })
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(row.code_hash).not.toContain(code)

      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0")
      const miss = await post("/store/messaging/consent/verification/confirm", { id, code: wrong })
      expect(miss.status).toBe(400)
      expect(miss.data).toMatchObject({ code: "wrong_code", message: "Wrong code: 4 tries left." })
      const ok = await post("/store/messaging/consent/verification/confirm", { id, code })
      expect(ok.status).toBe(200)
      expect(ok.data).toEqual({ consent: { phone: p, purpose: "transactional", status: "revoked" } })
      const [event] = await messaging().listConsentEvents({ phone: p, purpose: "transactional" })
      expect(event).toMatchObject({ action: "revoke", source: "storefront_form", evidence: { verified_by: "code", verification_id: id } })
      const again = await post("/store/messaging/consent/verification/confirm", { id, code })
      expect(again.data).toMatchObject({ code: "code_expired" })

      // the number stopped everything now: no code goes to it, and the answer is the same
      const sentBefore = textsTo(p).length
      const silent = await post("/store/messaging/consent/verification", { phone: p, action: "grant" })
      expect(silent.status).toBe(202)
      expect(Object.keys(silent.data.verification).sort()).toEqual(["expires_at", "id"])
      await settled(p)
      expect(textsTo(p).length).toBe(sentBefore)

      // an expired code is refused (expiry by the database's clock: the row is moved into the past)
      const late = phone(4)
      const { data: lateAsk } = await post("/store/messaging/consent/verification", { phone: late, action: "revoke" })
      const lateCode = await codeTextedTo(late)
      await db().raw(`UPDATE sms_rcs_phone_verification SET expires_at = now() - interval '1 second' WHERE id = ?`, [lateAsk.verification.id])
      const expired = await post("/store/messaging/consent/verification/confirm", { id: lateAsk.verification.id, code: lateCode })
      expect(expired.data).toMatchObject({ code: "code_expired" })
      expect(await state(late)).toEqual({})

      // five wrong tries use the code up, even for the right code afterwards
      const guessed = phone(5)
      const { data: guessAsk } = await post("/store/messaging/consent/verification", { phone: guessed, action: "revoke" })
      const guessCode = await codeTextedTo(guessed)
      const other = String((Number(guessCode) + 7) % 1_000_000).padStart(6, "0")
      const tries = []
      for (let i = 0; i < 5; i++) tries.push((await post("/store/messaging/consent/verification/confirm", { id: guessAsk.verification.id, code: other })).data.message)
      expect(tries).toEqual(["Wrong code: 4 tries left.", "Wrong code: 3 tries left.", "Wrong code: 2 tries left.", "Wrong code: 1 try left.", expect.stringMatching(/expired/)])
      expect((await post("/store/messaging/consent/verification/confirm", { id: guessAsk.verification.id, code: guessCode })).data).toMatchObject({
        code: "code_expired",
      })
      expect(await state(guessed)).toEqual({})

      // at most three codes per number per hour
      const flooded = phone(6)
      for (let i = 0; i < 5; i++) expect((await post("/store/messaging/consent/verification", { phone: flooded, action: "revoke" })).status).toBe(202)
      await settled(flooded)
      expect(textsTo(flooded)).toHaveLength(3)
    })

    it("takes the logged-in customer's own verified number as proof, and only theirs", async () => {
      const email = "verified@example.com"
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "secret-pass" })
      await api.post("/store/customers", { email, first_name: "Léa" }, storeHeaders({ authorization: `Bearer ${reg.token}` }))
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "secret-pass" })
      const auth = { authorization: `Bearer ${login.token}` }
      const p = phone(7)

      expect((await optIn({ phone: p, purpose: "transactional" }, auth)).status).toBe(403)
      const { data } = await post("/store/messaging/consent/verification", { phone: p, action: "revoke" }, auth)
      const code = await codeTextedTo(p)
      expect((await post("/store/messaging/consent/verification/confirm", { id: data.verification.id, code })).status).toBe(200)
      expect((await state(p)).transactional).toBe("revoked")
      // now it is their verified number: they may switch order texts back on without a new code …
      const back = await optIn({ phone: p, purpose: "transactional" }, auth)
      expect(back.status).toBe(200)
      expect(back.data.consent).toEqual({ phone: p, purpose: "transactional", status: "granted" })
      // … and nobody else may
      expect((await post("/store/messaging/consent/revoke", { phone: p, purpose: "transactional" })).status).toBe(403)
      expect((await state(p)).transactional).toBe("granted")
    })

    it("texts 'reply YES' once per number per cooldown, never after STOP ALL, and answers alike whoever is subscribed", async () => {
      const asked = phone(8)
      const first = await optIn({ phone: asked })
      const second = await optIn({ phone: asked })
      expect([first.status, second.status]).toEqual([202, 202])
      const asks = (await messagesTo(asked)).filter((m) => m.template_key === "consent_double_opt_in")
      expect(asks).toHaveLength(1)
      expect(asks[0].consent_reply).toBe("double_opt_in")
      const events = await messaging().listConsentEvents({ phone: asked, action: "request" }, { order: { seq: "ASC" } })
      expect(events.map((e: any) => e.evidence)).toEqual([
        expect.objectContaining({ confirmation_text: true }),
        expect.objectContaining({ confirmation_text: false, no_text_because: "the number was asked less than 24 h ago" }),
      ])

      const stopped = phone(9)
      await stopAll(stopped)
      expect((await optIn({ phone: stopped })).status).toBe(202)
      expect((await messagesTo(stopped)).filter((m) => m.template_key === "consent_double_opt_in")).toEqual([])

      const subscribed = phone(10)
      await subscribe(subscribed)
      const fresh = phone(11)
      const toSubscribed = await optIn({ phone: subscribed })
      const toFresh = await optIn({ phone: fresh })
      expect(toSubscribed.status).toBe(toFresh.status)
      expect({ ...toSubscribed.data.consent, phone: null }).toEqual({ ...toFresh.data.consent, phone: null })
      expect(toFresh.data).toEqual({ consent: { phone: fresh, purpose: "marketing", status: "requested" } })
    })

    it("lets YES / OUI confirm only a request still waiting within its time limit", async () => {
      const never = phone(12)
      await inbound(never, "YES")
      const stored = await until("the YES stored", async () => (await messaging().listInboundMessages({ from: never }))[0])
      expect(await state(never)).toEqual({})
      expect(await messagesTo(never)).toEqual([])
      expect(stored.intent).toBe("confirm")

      const late = phone(13)
      await optIn({ phone: late })
      await db().raw(
        `UPDATE sms_rcs_consent_event SET occurred_at = now() - interval '73 hours' WHERE phone = ? AND action = 'request'`,
        [late]
      )
      await inbound(late, "OUI")
      await until("the OUI stored", async () => (await messaging().listInboundMessages({ from: late }))[0])
      expect(await state(late)).toEqual({ marketing: "pending" })

      const onTime = phone(14)
      await optIn({ phone: onTime })
      await inbound(onTime, "oui merci")
      await until("the OUI recorded", async () => ((await state(onTime)).marketing === "granted" ? true : undefined))
      expect(await state(onTime)).toEqual({ marketing: "granted" })
      const [grant] = await messaging().listConsentEvents({ phone: onTime, action: "grant" })
      const [request] = await messaging().listConsentEvents({ phone: onTime, action: "request" })
      expect(grant).toMatchObject({ source: "double_opt_in", evidence: { request_event_id: request.id } })
    })

    it("lets START re-subscribe only what the owner's STOP ended", async () => {
      const subscriber = phone(15)
      await subscribe(subscriber)
      await inbound(subscriber, "STOP")
      await until("STOP", async () => ((await state(subscriber)).marketing === "revoked" ? true : undefined))
      await inbound(subscriber, "START")
      await until("START", async () => ((await state(subscriber)).marketing === "granted" ? true : undefined))
      expect(await state(subscriber)).toEqual({ marketing: "granted" })

      const never = phone(16)
      await inbound(never, "STOP")
      await until("STOP", async () => ((await state(never)).marketing === "revoked" ? true : undefined))
      await inbound(never, "START")
      await until("the START stored", async () => ((await messaging().listInboundMessages({ from: never })).length === 2 ? true : undefined))
      expect(await state(never)).toEqual({ marketing: "revoked" })

      const orderTexts = phone(17)
      await stopAll(orderTexts)
      await inbound(orderTexts, "Start")
      await until("START", async () => ((await state(orderTexts)).transactional === "granted" ? true : undefined))
      expect(await state(orderTexts)).toEqual({ marketing: "revoked", transactional: "granted" })
    })

    it("reads opt-outs as a person would: negation keeps, a STOP on its own stops, an ambiguous text is asked about", async () => {
      const fan = phone(18)
      await subscribe(fan)
      await inbound(fan, "I don't want you to stop texting me")
      await inbound(fan, "The stop sign by your shop is down")
      await until("both stored", async () => ((await messaging().listInboundMessages({ from: fan })).length === 3 ? true : undefined))
      expect(await state(fan)).toEqual({ marketing: "granted" })
      await inbound(fan, "Why do I get this? STOP")
      await until("the STOP", async () => ((await state(fan)).marketing === "revoked" ? true : undefined))

      const unsure = phone(19)
      await subscribe(unsure)
      await inbound(unsure, "when will this stop")
      const clarify = await until("the clarifying answer", async () =>
        (await messagesTo(unsure)).find((m) => m.template_key === "consent_clarify" && m.status === "delivered")
      )
      expect(clarify.body).toBe(
        "Maison Demo: to stop our offers, reply STOP. To stop all texts, including order updates, reply STOP ALL. Reply HELP for help."
      )
      const [text] = await messaging().listInboundMessages({ from: unsure, intent: "ambiguous" })
      expect(text.body).toBe("when will this stop")
      expect(await state(unsure)).toEqual({ marketing: "granted" })
    })

    it("lets a consent reply pass the send-time check by the plugin's own flag, not by a template key an admin types", async () => {
      const p = phone(20)
      await stopAll(p)
      const confirmation = await until("the STOP ALL confirmation", async () =>
        (await messagesTo(p)).find((m) => m.template_key === "consent_stop_confirmation" && m.status === "delivered")
      )

      const sent = await api.post(
        "/admin/messaging/templates/send-test",
        { key: "consent_help", locale: "en", sms_body: "Huge sale today at {{store_name}}!", phone: p },
        admin
      )
      const settledMessage = await until("the admin's text settled", async () => {
        const { data } = await api.get(`/admin/messaging/messages/${sent.data.message.id}`, admin)
        return ["queued", "sending"].includes(data.message.status) ? undefined : data.message
      })
      expect(settledMessage).toMatchObject({ status: "suppressed", status_reason: "opted_out: the recipient stopped all messages", consent_reply: null })
      expect(textsTo(p).some((m) => m.body.includes("Huge sale"))).toBe(false)
      // the STOP ALL confirmation went, by its flag
      expect(confirmation.consent_reply).toBe("stop_confirmation")
    })

    it("checks a campaign text an admin keyed 'consent_help' as the marketing text it is", async () => {
      // two consenting customers in a group of their own, texted 10 s apart
      const { data: groupData } = await api.post("/admin/customer-groups", { name: "Sneaky key" }, admin)
      const members = [phone(23), phone(24)]
      const ids: string[] = []
      for (const [i, p] of members.entries()) {
        const { data } = await api.post("/admin/customers", { email: `sneaky${i}@example.com`, first_name: `Sneaky${i}` }, admin)
        await api.post("/admin/messaging/consents", { phone: p, customer_id: data.customer.id, purpose: "marketing", action: "grant", note: "Paper form" }, admin)
        ids.push(data.customer.id)
      }
      await api.post(`/admin/customer-groups/${groupData.customer_group.id}/customers`, { add: ids }, admin)
      const definition = { match: "all", rules: [{ field: "customer_group", operator: "in", value: [groupData.customer_group.id] }] }
      const { data: segment } = await api.post("/admin/messaging/segments", { name: "Sneaky", definition }, admin)
      const variants = [{ id: "a", name: "Sale", weight: 100, template_key: "consent_help", sms_body: "Flash sale at {{store_name}}: -50% today" }]
      const { data: created } = await api.post(
        "/admin/messaging/campaigns",
        { name: "Sneaky", segment_id: segment.segment.id, variants, throttle: { per_second: 0.1 } },
        admin
      )
      const id = created.campaign.id
      await api.post(`/admin/messaging/campaigns/${id}/schedule`, {}, admin)
      const { advanceCampaignsWorkflow } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      expect((await advanceCampaignsWorkflow(getContainer()).run({ input: { campaign_id: id } })).result).toMatchObject({ planned: 2 })

      // the second recipient texts STOP while their text waits for its turn
      const { rows } = await db().raw(`SELECT id, "to" FROM sms_rcs_message WHERE campaign_id = ? ORDER BY send_after DESC`, [id])
      const later = rows[0]
      expect(rows.map((r: any) => r.to).sort()).toEqual([...members].sort())
      await inbound(later.to, "STOP")
      await until("the STOP", async () => ((await state(later.to)).marketing === "revoked" ? true : undefined))
      const settledRow = await until("the later campaign text settled", async () => {
        const { data } = await api.get(`/admin/messaging/messages/${later.id}`, admin)
        return ["queued", "sending", "deferred"].includes(data.message.status) ? undefined : data.message
      })
      expect(settledRow).toMatchObject({
        template_key: "consent_help",
        purpose: "marketing",
        status: "suppressed",
        status_reason: "no_marketing_consent: the recipient opted out of marketing",
        consent_reply: null,
      })
      expect(textsTo(later.to).some((m) => m.body.includes("Flash sale"))).toBe(false)
    })

    it("orders consent by the database's clock, not by a process's own", async () => {
      const p = phone(21)
      // a process whose clock runs an hour fast records a grant …
      jest.useFakeTimers({
        now: Date.now() + 3_600_000,
        doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"],
      })
      try {
        await messaging().recordConsent({ phone: p, purpose: "marketing", action: "grant", source: "admin", evidence: { note: "phone call" } })
      } finally {
        jest.useRealTimers()
      }
      // … and the shopper then opts out from the storefront: the later event wins
      const revoked = await post("/store/messaging/consent/revoke", { phone: p })
      expect(revoked.data.consent.status).toBe("revoked")
      expect(await state(p)).toEqual({ marketing: "revoked" })
      const events = await messaging().listConsentEvents({ phone: p }, { order: { occurred_at: "ASC" } })
      expect(events.map((e: any) => e.action)).toEqual(["grant", "revoke"])
      expect(new Date(events[0].occurred_at).getTime()).toBeLessThan(Date.now() + 60_000)
    })

    it("erases a number's proof-of-number codes with it, and lets its owner's START lift its kept STOP ALL", async () => {
      const p = phone(25)
      await post("/store/messaging/consent/verification", { phone: p, action: "revoke" })
      await codeTextedTo(p)
      await stopAll(p)
      const { data } = await api.post("/admin/messaging/personal-data/erase", { phone: p }, admin)
      expect(data.erased).toMatchObject({ phone_verifications: 1 })
      expect((await db().raw(`SELECT count(*)::int AS n FROM sms_rcs_phone_verification WHERE phone = ?`, [p])).rows[0].n).toBe(0)
      expect(await state(p)).toEqual({ marketing: "revoked", transactional: "revoked" })

      // the owner comes back and texts START: order texts again, marketing still needs a new opt-in
      await inbound(p, "START")
      await until("START", async () => ((await state(p)).transactional === "granted" ? true : undefined))
      expect(await state(p)).toEqual({ marketing: "revoked", transactional: "granted" })
    })

    // last: it uses up this address's opt-in allowance for the hour
    it("keys limits on the TCP peer, not X-Forwarded-For, and never lets an opt-in flood block an opt-out", async () => {
      const statuses: number[] = []
      for (let i = 0; i <= OPT_IN_PER_IP; i++) {
        statuses.push((await optIn({ phone: phone(30 + i) }, { "x-forwarded-for": `198.51.100.${i + 1}` })).status)
      }
      expect(statuses).toContain(429)
      const optOut = await post("/store/messaging/consent/revoke", { phone: phone(29) }, { "x-forwarded-for": "198.51.100.200" })
      expect(optOut.status).toBe(200)
      const [event] = await messaging().listConsentEvents({ phone: phone(29) })
      expect(event.ip).not.toBe("198.51.100.200")
    })
  },
})
