import { createHmac, timingSafeEqual } from "crypto"
import http from "http"
import type { AddressInfo } from "net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { handoffEventId } from "../../src/lib/conversations/handoff-signature"
import { notifyHandoffStep, type NotifyHandoffStepInput } from "../../src/workflows/conversations/steps/notify-handoff"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

/**
 * The hand-off notifications (issue 18): `notifyHandoffStep`, run in a workflow of the test's through the
 * app's container, rings the admin's feed (Medusa's Notification Module, the local `feed` provider) and
 * sends the signed hand-off webhook to a local receiver that checks the HMAC as the docs tell receivers to,
 * answering as each case asks (500 then 200, 400, no answer). Retries, giving up, replay and erasure are
 * read from what the receiver got and the rows. Real PostgreSQL, Redis (BullMQ) and app.
 */
isolateQueues("http-conversation-handoff")
jest.setTimeout(240_000)

const SECRET = "handoff-test-secret-0123456789"
const phone = (n: number) => `+33613${String(n).padStart(2, "0")}0118`

type Received = { event_id: string; signature: string; raw: string; body: any; signed: boolean; at: number }
/** What the receiver answers to an event's successive tries: a status, or "hang" (no answer for 4 s). */
type Answer = number | "hang"

const received: Received[] = []
const plans = new Map<string, Answer[]>()
let receiver: http.Server

/** The receiver's own check, written from the docs (not the plugin's helper): HMAC of "<t>.<raw body>", 5 minutes. */
function signatureHolds(header: string, raw: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false
  const expected = createHmac("sha256", SECRET).update(`${t}.${raw}`).digest()
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"))
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8")
      const eventId = String(req.headers["x-smsrcs-event-id"] ?? "")
      const signature = String(req.headers["x-smsrcs-signature"] ?? "")
      const signed = signatureHolds(signature, raw)
      received.push({ event_id: eventId, signature, raw, body: JSON.parse(raw), signed, at: Date.now() })
      const answer = signed ? plans.get(eventId)?.shift() ?? 200 : 401
      if (answer === "hang") {
        setTimeout(() => res.writeHead(200).end(), 4_000)
        return
      }
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer >= 400 ? `answer ${answer}` : "ok")
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  Object.assign(process.env, {
    SMS_RCS_HANDOFF_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/handoff`,
    SMS_RCS_HANDOFF_WEBHOOK_SECRET: SECRET,
    SMS_RCS_HANDOFF_WEBHOOK_TIMEOUT_MS: "1500",
  })
})

afterAll(async () => {
  receiver?.closeAllConnections()
  await new Promise((resolve) => receiver?.close(resolve))
})

/** The step as the automatic-answer workflow calls it, in a workflow of the test's own. */
const notifyHandoffTestWorkflow = createWorkflow("test-sms-rcs-notify-handoff", (input: NotifyHandoffStepInput) => {
  return new WorkflowResponse(notifyHandoffStep(input))
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e: any) => e.response)
    const get = (path: string) => api.get(path, admin).catch((e: any) => e.response)

    /** A conversation opened the way a shopper opens one: a text through the sandbox. */
    const openConversation = async (p: string) => {
      expect((await post("/admin/messaging/sandbox/inbound", { from: p, body: "Hello" })).status).toBe(202)
      const { conversations } = (await get(`/admin/messaging/conversations?q=${encodeURIComponent(p)}`)).data
      return conversations.find((c: any) => c.phone === p) as { id: string; phone: string; customer_id: string | null }
    }
    const notify = (input: NotifyHandoffStepInput) => notifyHandoffTestWorkflow(getContainer()).run({ input })
    const rowOf = (id: string) => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)("sms_rcs_handoff_webhook").where({ id }).first()
    const triesOf = (eventId: string) => received.filter((r) => r.event_id === eventId)
    const feedOf = async (conversationId: string) =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", resource_id: conversationId })) as any[]

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    it("rings the admin's feed and delivers the signed webhook, retrying after a 500; a replay notifies no one again", async () => {
      const p = phone(1)
      const conversation = await openConversation(p)
      const input = { conversation_id: conversation.id, phone: p, customer_id: null, body: "I want to talk to a person", at: new Date().toISOString() }
      // what the receiver answers is set before the first try can arrive
      plans.set(handoffEventId(conversation.id, input.at), [500])
      const { result } = await notify(input)
      expect(result).toMatchObject({ event_id: handoffEventId(conversation.id, input.at), feed: "created", webhook: "queued" })

      const row = await waitFor(async () => {
        const r = await rowOf(result.event_id)
        return r?.status === "delivered" ? r : undefined
      }, { what: "the webhook delivered" })
      const tries = triesOf(result.event_id)
      expect(tries).toHaveLength(2)
      expect(tries.every((t) => t.signed)).toBe(true)
      // each try is signed anew, the body is the same bytes
      expect(tries[0].raw).toBe(tries[1].raw)
      expect(tries[1].body).toEqual({
        type: "conversation.handoff_requested",
        id: result.event_id,
        created_at: input.at,
        data: { conversation_id: conversation.id, phone: p, customer_id: null, text: "I want to talk to a person", admin_url: null },
      })
      // delivered: the outcome stays, the shopper's phone and words go
      expect(row).toMatchObject({ conversation_id: conversation.id, attempts: 2, body: null, phone: null, last_error: null })
      expect(row.delivered_at).toBeTruthy()

      const feed = await feedOf(conversation.id)
      expect(feed).toHaveLength(1)
      expect(feed[0]).toMatchObject({ channel: "feed", template: "admin-ui", status: "success", data: { title: "A shopper asks for a person" } })
      expect(feed[0].data.description).toContain("•••• 0118")
      expect(JSON.stringify(feed[0].data)).not.toContain(p.slice(1))
      // the admin's bell reads it through Medusa's own route
      const bell = await get("/admin/notifications?channel=feed&fields=id,data,resource_id")
      expect(bell.status).toBe(200)
      expect(bell.data.notifications.map((n: any) => n.resource_id)).toContain(conversation.id)

      // the same inbound handled again (a replayed webhook, a retried workflow): the same event, told once
      const again = await notify(input)
      expect(again.result).toEqual({ event_id: result.event_id, feed: "created", webhook: "replayed" })
      await sleep(2_000)
      expect(triesOf(result.event_id)).toHaveLength(2)
      expect(await feedOf(conversation.id)).toHaveLength(1)

      // a later ask in the same conversation is a hand-off of its own
      const later = await notify({ ...input, at: new Date(Date.now() + 1000).toISOString() })
      expect(later.result.event_id).not.toBe(result.event_id)
      await waitFor(async () => ((await rowOf(later.result.event_id))?.status === "delivered" ? true : undefined), { what: "the second hand-off" })
    })

    it("gives up at once on a 4xx the receiver means (logged, not retried)", async () => {
      const p = phone(2)
      const conversation = await openConversation(p)
      const at = new Date().toISOString()
      plans.set(handoffEventId(conversation.id, at), [400, 200])
      const { result } = await notify({ conversation_id: conversation.id, phone: p, customer_id: null, body: "conseiller svp", at })
      const row = await waitFor(async () => {
        const r = await rowOf(result.event_id)
        return r?.status === "failed" ? r : undefined
      }, { what: "the webhook given up" })
      expect(row).toMatchObject({ attempts: 1, body: null, phone: null, last_error: "HTTP 400: answer 400" })
      await sleep(2_000)
      expect(triesOf(result.event_id)).toHaveLength(1)
    })

    it("tries again when the receiver does not answer within the timeout, and stops at once when the shopper is erased", async () => {
      const p = phone(3)
      const conversation = await openConversation(p)
      const at = new Date().toISOString()
      plans.set(handoffEventId(conversation.id, at), ["hang"])
      const { result } = await notify({ conversation_id: conversation.id, phone: p, customer_id: null, body: "human please", at })
      await waitFor(async () => ((await rowOf(result.event_id))?.status === "delivered" ? true : undefined), { what: "delivered after a timeout" })
      expect(triesOf(result.event_id).length).toBe(2)
      expect((await rowOf(result.event_id)).attempts).toBe(2)

      // a receiver that keeps failing: while it is retried, the row holds the phone (export shows it) …
      const p4 = phone(4)
      const other = await openConversation(p4)
      const at4 = new Date().toISOString()
      plans.set(handoffEventId(other.id, at4), [503, 503, 503, 503, 503, 503])
      const failing = await notify({ conversation_id: other.id, phone: p4, customer_id: null, body: "agent", at: at4 })
      await waitFor(async () => (triesOf(failing.result.event_id).length >= 1 ? true : undefined), { what: "a first try" })
      const exported = await get(`/admin/messaging/personal-data?phone=${encodeURIComponent(p4)}`)
      expect(exported.data.handoff_webhooks).toEqual([expect.objectContaining({ id: failing.result.event_id, phone: p4, status: "pending" })])
      // … and erasing the shopper takes it, and the tries stop
      const erased = await post("/admin/messaging/personal-data/erase", { phone: p4 })
      expect(erased.data.erased).toMatchObject({ handoff_webhooks: 1 })
      const triedBefore = triesOf(failing.result.event_id).length
      await sleep(4_000)
      expect(triesOf(failing.result.event_id).length).toBeLessThanOrEqual(triedBefore + 1)
      expect(await rowOf(failing.result.event_id)).toBeUndefined()
    })

    it("delivers a hand-off recorded while Redis was away: the sweeper queues it", async () => {
      const p = phone(5)
      const conversation = await openConversation(p)
      const id = handoffEventId(conversation.id, new Date().toISOString())
      const body = JSON.stringify({ type: "conversation.handoff_requested", id, created_at: new Date().toISOString(), data: { conversation_id: conversation.id, phone: p, customer_id: null, text: "agent", admin_url: null } })
      // what queueEvent leaves when Redis does not take the job: the row, pending, no job
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("sms_rcs_handoff_webhook").insert({ id, conversation_id: conversation.id, phone: p, body, status: "pending", updated_at: new Date(Date.now() - 120_000) })
      const messaging = getContainer().resolve("messaging") as any
      expect(await messaging.requeueStrandedHandoffWebhooks()).toBe(1)
      await waitFor(async () => ((await rowOf(id))?.status === "delivered" ? true : undefined), { what: "the swept hand-off delivered" })
      expect(triesOf(id).map((t) => [t.signed, t.raw])).toEqual([[true, body]])
      // delivered: nothing left to sweep
      expect(await messaging.requeueStrandedHandoffWebhooks()).toBe(0)
    })

    it("refuses an input that is not a hand-off (the calling workflow's bug, said plainly)", async () => {
      const { errors } = await notifyHandoffTestWorkflow(getContainer()).run({
        input: { conversation_id: "smsconv_x", phone: "0612345678", customer_id: null, body: "x", at: "now" },
        throwOnError: false,
      })
      expect(errors.map((e: any) => e.error?.message).join("\n")).toMatch(/E\.164[\s\S]*ISO 8601/)
    })
  },
})
