import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

/**
 * What the automatic answers must never do (issue 18, found by a hostile review): answer a bot more than
 * the loop guard allows (texts at once, HELP after HELP), subscribe a "Oui" that answered an agent, ask a
 * STOP ALL number to join, acknowledge a shopper already waiting or a tap, cut an FAQ answer's braces,
 * fill in or break on a shopper's braces, tell a number's new holder the last owner's order. Through the
 * sandbox's inbound path; real app, PostgreSQL, Redis.
 */
isolateQueues("http-conversation-guards")
process.env.SMS_RCS_ACKNOWLEDGEMENT = "Thanks, we will get back to you."
jest.setTimeout(240_000)

const phone = (n: number) => `+3362${String(n).padStart(2, "0")}00029`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let session: Awaited<ReturnType<typeof openStoreSession>>
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e: any) => e.response)
    const send = (from: string, body: string) => post("/admin/messaging/sandbox/inbound", { from, body })
    const receive = async (from: string, body: string) => expect((await send(from, body)).status).toBe(202)
    const conversationOf = async (p: string) =>
      (await get(`/admin/messaging/conversations?q=${encodeURIComponent(p)}`)).data.conversations.find((c: any) => c.phone === p)
    const threadOf = async (p: string) => (await get(`/admin/messaging/conversations/${(await conversationOf(p)).id}`)).data
    const outbound = async (p: string) => (await threadOf(p)).entries.filter((e: any) => e.direction === "outbound")

    beforeEach(async () => {
      session = await openStoreSession(api, getContainer())
      admin = session.admin
    })

    it("loop guard: ten texts at once still get at most five automatic answers", async () => {
      const bot = phone(1)
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(bot, `tracking ${i}`)))
      expect(answers.map((r: any) => r.status)).toEqual(Array(10).fill(202))
      expect((await outbound(bot)).filter((e: any) => e.automatic).length).toBeLessThanOrEqual(5)
    })

    it("loop guard: a bot that answers HELP to every text gets at most five answers in the window", async () => {
      const bot = phone(2)
      for (let i = 0; i < 8; i++) await receive(bot, "HELP")
      expect((await outbound(bot)).length).toBeLessThanOrEqual(5)
    })

    it("text-to-join after STOP ALL: no question and no request (a later YES must find nothing to confirm)", async () => {
      const p = phone(3)
      await receive(p, "STOP ALL")
      await receive(p, "JOIN")
      expect((await outbound(p)).map((e: any) => e.template_key)).toEqual(["consent_stop_confirmation"])
      const { data } = await get(`/admin/messaging/consents?phone=${encodeURIComponent(p)}`)
      expect(data.events.filter((e: any) => e.action === "request")).toEqual([])
    })

    it("hand-off: the admin is told in the notification feed", async () => {
      const p = phone(4)
      await receive(p, "I want a human")
      expect(await conversationOf(p)).toMatchObject({ status: "waiting" })
      const notifications = getContainer().resolve(Modules.NOTIFICATION) as any
      const feed = await notifications.listNotifications({ channel: "feed" })
      expect(feed.filter((n: any) => JSON.stringify(n.data).includes("I want a human"))).toHaveLength(1)
    })

    it("the store's assistant echoing the shopper's text: braces in the text neither break the answer nor get filled in", async () => {
      const p = phone(5)
      const r = await send(p, "assistant {{#x}} hello")
      expect(r.status).toBe(202)
      const [answer] = (await outbound(p)).filter((e: any) => e.automatic)
      expect(answer?.body).toContain("{{#x}}")
      const q = phone(6)
      await receive(q, "assistant {{store_name}}")
      const [filled] = (await outbound(q)).filter((e: any) => e.automatic)
      expect(filled.body).toContain("{{store_name}}")
    })
    it("a French shopper answering an agent's question with \"Oui\" is not sent the marketing double opt-in question", async () => {
      const p = phone(7)
      await receive(p, "Je veux parler à un conseiller")
      const c = await conversationOf(p)
      expect((await post(`/admin/messaging/conversations/${c.id}/replies`, { body: "Bonjour, voulez-vous un remboursement ?" })).status).toBe(201)
      await receive(p, "Oui")
      expect((await outbound(p)).map((e: any) => e.template_key)).not.toContain("consent_double_opt_in")
    })

    it("while the shopper waits for a person, an unknown text gets no automatic acknowledgement", async () => {
      const p = phone(8)
      await receive(p, "I want a human")
      await receive(p, "hello? anyone there")
      await receive(p, "a human please!")
      expect((await outbound(p)).map((e: any) => e.template_key)).toEqual(["conversation_handoff"])
    })

    it("an FAQ answer the store wrote with braces is not silently cut", async () => {
      const { entries } = (await get("/admin/messaging/faq")).data
      const hours = entries.find((e: any) => e.locale === "en" && e.postbacks.includes("faq_hours"))
      expect((await post(`/admin/messaging/faq/${hours.id}`, { answer: "Open 9 to 6. Use code {{SAVE10}} in store." })).status).toBe(200)
      const p = phone(9)
      await receive(p, "what are your opening hours")
      const [answer] = (await outbound(p)).filter((e: any) => e.automatic)
      expect(answer.body).toContain("SAVE10")
    })
    it("an RCS action tap (the order carousel's \"Track it\" link) is a touch, not a text to acknowledge", async () => {
      const p = phone(10)
      const r = await post("/admin/messaging/sandbox/inbound", { from: p, postback: "track_order_open", text: "Track it" })
      expect(r.status).toBe(202)
      expect((await outbound(p)).filter((e: any) => e.automatic)).toEqual([])
    })

    it("tells a number's new holder nothing of an order placed more than 90 days ago", async () => {
      const p = phone(11)
      const { store, http } = session
      const old = await placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email: "old-holder@example.com", phone: p })
      const pg = getContainer().resolve("__pg_connection__") as any
      // the previous holder's order, and the texts about it, from more than 90 days ago
      await pg.raw(`UPDATE "order" SET created_at = now() - interval '100 days' WHERE id = ?`, [old.id])
      await pg.raw(`UPDATE sms_rcs_message SET created_at = now() - interval '100 days' WHERE order_id = ?`, [old.id])
      await receive(p, "where is my order")
      const [answer] = (await outbound(p)).filter((e: any) => e.automatic)
      expect(answer.template_key).toBe("conversation_no_order")
      expect(answer.body).not.toContain(String(old.display_id))
    })

    it("text-to-join when the loop guard is reached: no question went, so a later YES must not record a double opt-in", async () => {
      const p = phone(12)
      for (let i = 0; i < 5; i++) expect((await send(p, `tracking ${i}`)).status).toBe(202)
      expect((await send(p, "JOIN")).status).toBe(202)
      expect((await outbound(p)).map((e: any) => e.template_key)).not.toContain("consent_double_opt_in")
      expect((await send(p, "YES")).status).toBe(202)
      const { data } = await get(`/admin/messaging/consents?phone=${encodeURIComponent(p)}`)
      expect(data.consents.filter((c: any) => c.purpose === "marketing" && c.status === "granted")).toEqual([])
    })

    it("hand-off: a text whose 140th character is inside an emoji still rings the admin's bell", async () => {
      const p = phone(13)
      let text = "I want a human "
      if (text.length % 2) text += " "
      // the feed keeps 139 UTF-16 units: the cut falls between an emoji's two halves
      text += "😀".repeat(70)
      expect((await send(p, text)).status).toBe(202)
      const conversation = await conversationOf(p)
      expect(conversation).toMatchObject({ status: "waiting" })
      const notifications = getContainer().resolve(Modules.NOTIFICATION) as any
      const feed = await notifications.listNotifications({ channel: "feed", resource_id: conversation.id })
      expect(feed).toHaveLength(1)
    })
  },
})
