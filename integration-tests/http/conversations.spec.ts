import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

/**
 * Conversations through the sandbox (issue 18): a shopper's text opens a conversation the inbox lists and
 * shows, read, assigned, closed and reopened by the admin; the FAQ ships its defaults to fill. Real
 * PostgreSQL, Redis and app; the sandbox is the gateway.
 */
isolateQueues("http-conversations")
jest.setTimeout(240_000)

const phone = (n: number) => `+3361${String(n).padStart(2, "0")}00018`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e: any) => e.response)
    const receive = (body: Record<string, unknown>) => post("/admin/messaging/sandbox/inbound", body)
    const conversationOf = async (p: string) =>
      (await get(`/admin/messaging/conversations?q=${encodeURIComponent(p)}`)).data.conversations.find((c: any) => c.phone === p)

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    it("opens a conversation from a text the sandbox receives, and the inbox lists, shows, reads, assigns, closes and reopens it", async () => {
      const p = phone(1)
      const received = await receive({ from: p, body: "Hello, do you sell gift cards?" })
      expect(received.status).toBe(202)
      expect(received.data.inbound_id).toMatch(/^smsin_/)

      const listed = await conversationOf(p)
      expect(listed).toMatchObject({ phone: p, channel: "sms", status: "open", unread_count: 1, assignee: null, customer: null })
      expect(listed.last_entry).toMatchObject({ direction: "inbound", body: "Hello, do you sell gift cards?" })
      expect((await get("/admin/messaging/conversations/counts")).data).toMatchObject({ open: 1, unread: 1, mine: 0 })

      const thread = await get(`/admin/messaging/conversations/${listed.id}`)
      expect(thread.status).toBe(200)
      expect(thread.data.entries[0]).toMatchObject({ direction: "inbound", kind: "text", body: "Hello, do you sell gift cards?", automatic: false, sent_by: null })
      expect(thread.data.reply).toEqual({ allowed: true, code: null, reason: null })
      expect(thread.data.conversation.orders).toEqual([])

      expect((await post(`/admin/messaging/conversations/${listed.id}/read`)).data.conversation.unread_count).toBe(0)
      const me = (await api.get("/admin/users/me", admin)).data.user
      const assigned = await post(`/admin/messaging/conversations/${listed.id}/assign`, { assignee_id: me.id })
      expect(assigned.data.conversation.assignee).toMatchObject({ id: me.id, email: me.email })
      expect((await get("/admin/messaging/conversations?mine=true")).data.count).toBe(1)
      expect((await post(`/admin/messaging/conversations/${listed.id}/assign`, { assignee_id: "user_nobody" })).status).toBe(400)

      expect((await post(`/admin/messaging/conversations/${listed.id}/close`)).data.conversation.status).toBe("closed")
      expect((await get("/admin/messaging/conversations?status=closed")).data.conversations.map((c: any) => c.id)).toEqual([listed.id])
      // the shopper writes again: the conversation opens again with one unread
      await receive({ from: p, body: "Anyone there?" })
      expect(await conversationOf(p)).toMatchObject({ status: "open", unread_count: 1 })
      expect((await post(`/admin/messaging/conversations/${listed.id}/close`)).data.conversation.status).toBe("closed")
      expect((await post(`/admin/messaging/conversations/${listed.id}/reopen`)).data.conversation.status).toBe("open")

      expect((await get("/admin/messaging/conversations/conv_missing")).status).toBe(404)
      expect((await get("/admin/messaging/conversations?status=lost")).status).toBe(400)
    })

    it("records an RCS suggestion tap as an entry with its postback", async () => {
      const p = phone(2)
      await receive({ from: p, postback: "track_order", text: "Track my order" })
      const c = await conversationOf(p)
      expect(c.channel).toBe("rcs")
      const { entries } = (await get(`/admin/messaging/conversations/${c.id}`)).data
      expect(entries[0]).toMatchObject({ direction: "inbound", kind: "suggestion_tap", body: "Track my order", postback: "track_order" })
    })

    it("refuses a sandbox text without a body or a number in E.164, and a 100 KB one", async () => {
      expect((await receive({ from: phone(3) })).status).toBe(400)
      expect((await receive({ from: "0612345678", body: "hi" })).status).toBe(400)
      expect((await receive({ from: phone(3), body: "x".repeat(100_000) })).status).toBe(400)
      expect(await conversationOf(phone(3))).toBeUndefined()
    })

    it("ships FAQ defaults to fill, and lets the store add, change and delete entries", async () => {
      const { entries } = (await get("/admin/messaging/faq")).data
      expect(entries.length).toBeGreaterThanOrEqual(6)
      expect(entries.filter((e: any) => e.is_default).map((e: any) => e.locale).sort()).toEqual(["en", "en", "en", "fr", "fr", "fr"])
      const created = await post("/admin/messaging/faq", { locale: "en", keywords: ["gift card"], answer: "Yes, from 10 to 200 euros." })
      expect(created.status).toBe(201)
      expect(created.data.entry).toMatchObject({ locale: "en", keywords: ["gift card"], postbacks: [], enabled: true, is_default: false })
      const changed = await post(`/admin/messaging/faq/${created.data.entry.id}`, { enabled: false })
      expect(changed.data.entry.enabled).toBe(false)
      expect((await post("/admin/messaging/faq", { locale: "en", keywords: [], answer: "x" })).status).toBe(400)
      const deleted = await api.delete(`/admin/messaging/faq/${created.data.entry.id}`, admin)
      expect(deleted.data).toEqual({ id: created.data.entry.id, deleted: true })
      expect((await get("/admin/messaging/faq")).data.entries.find((e: any) => e.id === created.data.entry.id)).toBeUndefined()
      void waitFor
    })
  },
})
