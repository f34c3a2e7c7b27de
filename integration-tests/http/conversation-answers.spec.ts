import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

/**
 * The automatic answers of a conversation (issue 18), through the sandbox's inbound path (the same path
 * as a Twilio or RBM text): where is my order (only the phone's own orders), the store's FAQ, a person
 * (waiting, told when), the day's one acknowledgement, the loop guard, STOP ALL, text-to-join with its
 * double opt-in, the test app's `answerInbound` hook, and the admin's replies. Real app, PostgreSQL, Redis.
 */
isolateQueues("http-conversation-answers")
process.env.SMS_RCS_ACKNOWLEDGEMENT = "Thanks, we will get back to you."
jest.setTimeout(240_000)

const phone = (n: number) => `+3362${String(n).padStart(2, "0")}00019`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e: any) => e.response)
    /** The sandbox runs the inbound workflow before it answers: the answer's message exists on return. */
    const receive = async (from: string, body: string) => {
      const r = await post("/admin/messaging/sandbox/inbound", { from, body })
      expect(r.status).toBe(202)
    }
    const conversationOf = async (p: string) =>
      (await get(`/admin/messaging/conversations?q=${encodeURIComponent(p)}`)).data.conversations.find((c: any) => c.phone === p)
    const threadOf = async (p: string) => (await get(`/admin/messaging/conversations/${(await conversationOf(p)).id}`)).data
    const answersTo = async (p: string) => (await threadOf(p)).entries.filter((e: any) => e.direction === "outbound" && e.automatic)

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    const order = (p: string) =>
      placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email: `c${Date.now()}@example.com`, phone: p })
    const ship = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: 1 }))
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
      const { data: fulfilled } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, admin)
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfilled.order.fulfillments[0].id}/shipments`,
        { items, labels: [{ tracking_number: "6A99", tracking_url: "https://suivi.example.com/6A99", label_url: "https://labels.example.com/1.pdf" }] },
        admin
      )
    }

    it("answers where is my order with the phone's own order and its tracking, in the shopper's language; a list for several; nothing of anyone's order to a stranger", async () => {
      const mine = phone(1)
      const placed = await order(mine)
      await ship(placed.id)
      await receive(mine, "Hi, where is my order?")
      const [en] = await answersTo(mine)
      expect(en).toMatchObject({ template_key: "conversation_order_status", automatic: true, sent_by: null })
      expect(en.body).toContain(`#${placed.display_id} is on its way`)
      expect(en.body).toContain("https://suivi.example.com/6A99")
      await receive(mine, "Où est ma commande ?")
      const fr = (await answersTo(mine))[1]
      expect(fr.body).toContain(`#${placed.display_id} est en route`)

      const several = phone(2)
      const [a, b] = [await order(several), await order(several)]
      await receive(several, "tracking")
      const [list] = await answersTo(several)
      expect(list.template_key).toBe("conversation_order_list")
      expect(list.body).toContain(`#${a.display_id}`)
      expect(list.body).toContain(`#${b.display_id}`)

      const stranger = phone(3)
      await receive(stranger, "where is my order")
      const [none] = await answersTo(stranger)
      expect(none.template_key).toBe("conversation_no_order")
      expect(none.body).not.toMatch(/#\d/)
      // the answer is a conversation message of its own kind: transactional, no campaign, no automation
      const { data } = await api.get(`/admin/messaging/messages/${none.message_id}`, admin)
      expect(data.message).toMatchObject({ purpose: "transactional", campaign_id: null })
    })

    it("answers from the FAQ once the store filled it in; an unfilled entry or an unknown text gets the day's one acknowledgement", async () => {
      const { entries } = (await get("/admin/messaging/faq")).data
      const delivery = entries.find((e: any) => e.locale === "en" && e.postbacks.includes("faq_delivery"))
      expect((await post(`/admin/messaging/faq/${delivery.id}`, { answer: "We ship within 2 days; delivery takes 3 days." })).status).toBe(200)
      const p = phone(4)
      await receive(p, "How long does delivery take?")
      expect((await answersTo(p)).map((e: any) => [e.template_key, e.body])).toEqual([["conversation_faq", "We ship within 2 days; delivery takes 3 days."]])

      // "returns" still holds its [placeholders]: not sent, the text is not understood
      await receive(p, "Can I return a gift?")
      await receive(p, "And do you sell gift cards?")
      const answers = await answersTo(p)
      expect(answers.map((e: any) => e.template_key)).toEqual(["conversation_faq", "conversation_acknowledgement"])
      expect(answers[1].body).toBe("Thanks, we will get back to you.")
    })

    it("hands a shopper who asks for a person to the store, and the admin's reply is recorded with who sent it", async () => {
      const p = phone(5)
      await receive(p, "I want to talk to a human please")
      const c = await conversationOf(p)
      expect(c).toMatchObject({ status: "waiting" })
      expect(c.waiting_since).toEqual(expect.any(String))
      const [told] = await answersTo(p)
      expect(told.template_key).toBe("conversation_handoff")
      expect((await answersTo(p)).length).toBe(1)
      expect(told.body).toContain("a person from our team will answer you here shortly")
      expect((await get("/admin/messaging/conversations?status=waiting")).data.conversations.map((x: any) => x.id)).toContain(c.id)
      // the admin's bell rang once, the phone masked; asking again while waiting rings it no more
      await receive(p, "hello? a human please")
      const bells = (await get("/admin/notifications?channel=feed&limit=100")).data.notifications.filter((n: any) =>
        JSON.stringify(n.data).includes("I want to talk to a human please")
      )
      expect(bells).toHaveLength(1)
      expect(JSON.stringify(bells[0].data)).not.toContain(p)
      expect(bells[0].data.title).toBe("A shopper asks for a person")

      const me = (await api.get("/admin/users/me", admin)).data.user
      const replied = await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Hello, Anna here. How can I help?", idempotency_key: "click-1" })
      expect(replied.status).toBe(201)
      expect(replied.data.entry).toMatchObject({ direction: "outbound", automatic: false, body: "Hello, Anna here. How can I help?", sent_by: expect.objectContaining({ id: me.id }) })
      // the same click retried: the same message
      const again = await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Hello, Anna here. How can I help?", idempotency_key: "click-1" })
      expect(again.data.message.id).toBe(replied.data.message.id)
      expect(await conversationOf(p)).toMatchObject({ status: "open", waiting_since: null })
      // the admin's words go as written: braces are not a template
      const literal = await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Use code {{SAVE10}} at {{store_name}}" })
      expect(literal.data.entry.body).toBe("Use code {{SAVE10}} at {{store_name}}")
      const thread = await threadOf(p)
      expect(thread.entries.filter((e: any) => e.direction === "outbound" && !e.automatic)).toEqual([
        expect.objectContaining({ message_id: replied.data.message.id, sent_by: expect.objectContaining({ id: me.id, email: me.email }) }),
        expect.objectContaining({ message_id: literal.data.message.id }),
      ])

      expect((await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "x", channel: "rcs" })).data.code).toBe("no_rcs_provider")
      await post(`/admin/messaging/conversations/${c.id}/close`)
      const closed = await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Still there?" })
      expect([closed.status, closed.data.code]).toEqual([409, "closed"])
      expect((await post("/admin/messaging/conversations/smsconv_missing/replies", { body: "hi" })).status).toBe(404)
      expect((await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "" })).status).toBe(400)
      expect((await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "x".repeat(100_000) })).status).toBe(400)
      expect((await api.post(`/admin/messaging/conversations/${c.id}/replies`, { body: "hi" }).catch((e: any) => e.response)).status).toBe(401)
    })

    it("never answers a number that sent STOP ALL, and stops answering a number that writes in a loop", async () => {
      const stopped = phone(6)
      await receive(stopped, "STOP ALL")
      await receive(stopped, "where is my order")
      expect(await answersTo(stopped)).toEqual([])
      const c = await conversationOf(stopped)
      const refused = await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Sorry to see you go" })
      expect([refused.status, refused.data.code]).toEqual([409, "opted_out_all"])

      // another bot answering every answer: five answers in ten minutes, then silence
      const bot = phone(7)
      for (let i = 0; i < 8; i++) await receive(bot, `tracking ${i}`)
      expect(await answersTo(bot)).toHaveLength(5)
      expect((await threadOf(bot)).entries.filter((e: any) => e.direction === "inbound")).toHaveLength(8)
    })

    it("subscribes a shopper who texts JOIN (or OUI) after their YES, with the exchange as proof", async () => {
      const p = phone(8)
      await receive(p, "JOIN")
      const [ask] = await answersTo(p)
      expect(ask.template_key).toBe("consent_double_opt_in")
      const pending = (await get(`/admin/messaging/consents?phone=${encodeURIComponent(p)}`)).data
      expect(pending.consents).toEqual([expect.objectContaining({ purpose: "marketing", status: "pending" })])
      await receive(p, "YES")
      const granted = (await get(`/admin/messaging/consents?phone=${encodeURIComponent(p)}`)).data
      expect(granted.consents).toEqual([expect.objectContaining({ purpose: "marketing", status: "granted" })])
      expect(granted.events[0]).toMatchObject({ source: "double_opt_in", action: "grant" })
      expect(granted.events[1]).toMatchObject({ source: "keyword", action: "request", wording: "JOIN", evidence: expect.objectContaining({ text_to_join: true }) })
      await receive(p, "JOIN")
      expect((await answersTo(p)).map((e: any) => e.template_key)).toEqual(["consent_double_opt_in", "conversation_join_subscribed"])

      // OUI is both the French keyword and the French YES: with no question waiting it asks, then it confirms
      const fr = phone(9)
      await receive(fr, "OUI")
      expect((await answersTo(fr)).map((e: any) => e.template_key)).toEqual(["consent_double_opt_in"])
      await receive(fr, "Oui")
      expect((await get(`/admin/messaging/consents?phone=${encodeURIComponent(fr)}`)).data.consents).toEqual([
        expect.objectContaining({ purpose: "marketing", status: "granted" }),
      ])

      const join = (await get("/admin/messaging/join")).data
      expect(join).toMatchObject({ enabled: true, keywords: { en: "JOIN", fr: "OUI" }, number: "+33612340000" })
      expect(join.sms_link).toMatch(/^sms:\+33612340000\?body=(JOIN|OUI)$/)
    })

    it("lets the store's own code answer through the answerInbound hook (the test app's assistant)", async () => {
      const p = phone(10)
      await receive(p, "Hello assistant, where is my order?")
      const [answer] = await answersTo(p)
      expect(answer.body).toBe(`The store's assistant here: you said "Hello assistant, where is my order?" (order_status).`)
      // a text the hook leaves alone gets the plugin's answer
      await receive(p, "where is my order")
      expect((await answersTo(p))[1].template_key).toBe("conversation_no_order")
    })
  },
})
