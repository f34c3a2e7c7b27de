import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

/**
 * Second hostile review of issue 18 (review-b): what still goes wrong for a real store after the first
 * review's fixes. Through the sandbox's inbound path; real app, PostgreSQL, Redis. Expected on main as of
 * review-b: the HELP burst, the join under the loop guard and the double hand-off answer fail (defects, not
 * fixed here); the emoji cut passes once the plugin is rebuilt with fb171a9.
 */
isolateQueues("http-conversation-review-b")
jest.setTimeout(240_000)

const phone = (n: number) => `+3362${String(n).padStart(2, "0")}00031`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e: any) => e.response)
    const send = (from: string, body: string) => post("/admin/messaging/sandbox/inbound", { from, body })
    const conversationOf = async (p: string) =>
      (await get(`/admin/messaging/conversations?q=${encodeURIComponent(p)}`)).data.conversations.find((c: any) => c.phone === p)
    const outbound = async (p: string) =>
      (await get(`/admin/messaging/conversations/${(await conversationOf(p)).id}`)).data.entries.filter((e: any) => e.direction === "outbound")

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    it("loop guard: ten HELP texts at once get at most five answers (the per-phone HELP limit is a count, not a claim)", async () => {
      const bot = phone(1)
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(bot, "HELP")))
      expect(answers.map((r: any) => r.status)).toEqual(Array(10).fill(202))
      expect((await outbound(bot)).length).toBeLessThanOrEqual(5)
    })

    it("text-to-join when the loop guard is reached: no question went, so a later YES must not record a double opt-in", async () => {
      const p = phone(3)
      for (let i = 0; i < 5; i++) expect((await send(p, `tracking ${i}`)).status).toBe(202)
      expect((await send(p, "JOIN")).status).toBe(202)
      expect((await outbound(p)).map((e: any) => e.template_key)).not.toContain("consent_double_opt_in")
      expect((await send(p, "YES")).status).toBe(202)
      const { data } = await get(`/admin/messaging/consents?phone=${encodeURIComponent(p)}`)
      expect(data.consents.filter((c: any) => c.purpose === "marketing" && c.status === "granted")).toEqual([])
    })

    it("hand-off: two asks that arrive together get one hand-off answer", async () => {
      const p = phone(4)
      expect((await send(p, "Hello")).status).toBe(202)
      const answers = await Promise.all([send(p, "agent"), send(p, "agent please")])
      expect(answers.map((r: any) => r.status)).toEqual([202, 202])
      expect((await outbound(p)).filter((e: any) => e.template_key === "conversation_handoff")).toHaveLength(1)
    })

    it("hand-off: a text whose 140th character is inside an emoji still rings the admin's bell", async () => {
      const p = phone(2)
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
