import http from "http"
import type { AddressInfo } from "net"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "crypto"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import { dropDatabase, ensureDatabase } from "../../../../integration-tests/helpers/services"
import { until } from "../../../../integration-tests/helpers/wait-for"
import { parseRbmData, rbmMessageId } from "../../../providers/rbm"
import { startFakeRbm, type FakeRbm } from "../../../../integration-tests/fakes/rbm-server"

jest.setTimeout(90_000)

const AGENT_ID = "reconcile-agent"
const CLIENT_TOKEN = "rbm-client-token-reconcile"
const queueName = `sms-rcs-reconcile-rbm-${process.pid}-${Date.now().toString(36)}`
// none ends in 0002–0006: the sandbox (the SMS gateway here) fails those on purpose
const PHONES = { accepted: "+33614000011", early: "+33614000012", slowCheck: "+33614000013", paced: "+33614000014", pacedFirst: "+33614000015", flaky: "+33614000017" }

const rbm = {
  agentId: AGENT_ID,
  serviceAccountKey: {} as Record<string, unknown>,
  clientToken: CLIENT_TOKEN,
  apiBaseUrl: "http://placeholder.invalid",
  tokenUrl: "http://placeholder.invalid",
  timeoutMs: 5_000,
}

let fake: FakeRbm
let receiver: http.Server
let service_: MessagingModuleService | null = null

beforeAll(async () => {
  fake = await startFakeRbm({
    agentId: AGENT_ID,
    clientToken: CLIENT_TOKEN,
    capable: [PHONES.accepted, PHONES.early, PHONES.slowCheck, PHONES.flaky],
    unavailable: [PHONES.flaky],
    eventsBeforeAnswer: [PHONES.early],
    capabilityDelayMs: 400,
    eventDelayMs: 60_000,
  })
  Object.assign(rbm, { serviceAccountKey: fake.serviceAccount, apiBaseUrl: fake.url, tokenUrl: fake.tokenUrl })
  // what the RBM webhook route does with a verified status event (src/providers/rbm/rbm-webhook.ts, run by src/api/hooks/messaging/[gateway]/route.ts)
  receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const event = parseRbmData(JSON.parse(Buffer.concat(chunks).toString()).message.data)
    if (event.kind === "status" && service_) await service_.receiveStatusEvent(event.status)
    res.writeHead(200).end()
  })
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  fake.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/messaging/rbm`)
})

afterAll(async () => {
  await fake?.close()
  receiver?.closeAllConnections()
  await new Promise((resolve) => receiver?.close(resolve))
})

// a database of its own: these tests kill connections and break statements on purpose
const dbName = `sms_rcs_reconcile_rbm_${process.pid}`
beforeAll(() => ensureDatabase(dbName))
afterAll(() => dropDatabase(dbName).catch(() => undefined))

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  dbName,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName,
    sandbox: { deliveryDelayMs: 50 },
    rcs: { provider: "rbm", ttlSeconds: 60 },
    rbm,
    // SMS (the sandbox) is paced: one segment every ~1.7 s
    rateLimit: { segmentsPerSecond: 0.6, burst: 1 },
    retry: { attempts: 3, backoffMs: 100 },
  },
  testSuite: ({ service }) => {
    beforeEach(() => {
      service_ = service
    })
    const knex = () => (service as any).parts_.states.knex
    const row = async (id: string) => (await service.listMessages({ id }))[0] as any
    const create = async (to: string, channel: "sms" | "rcs", purpose: "transactional" | "marketing" = "transactional") => {
      const { message } = await service.createMessageOnce({
        idempotency_key: `rbm-${randomBytes(6).toString("hex")}`,
        to,
        channel,
        purpose,
        template_key: "order_confirmation",
        body: `Order for ${to} confirmed`,
        status: "queued",
        encoding: "GSM-7",
        segments: 1,
      } as any)
      return message.id
    }

    it("settles an RCS message RBM took but we never recorded (worker died): RBM refuses the copy, the row ends final", async () => {
      const id = await create(PHONES.accepted, "rcs")
      await service.enqueueMessages([id])
      await until("RBM to receive it", async () => fake.messages.has(rbmMessageId(id)))
      await until("the send to be recorded", async () => (await row(id))?.status === "sent")
      // as a worker killed between RBM's answer and the write leaves it
      await knex().raw(
        `UPDATE sms_rcs_message SET status = 'unknown', provider = NULL, provider_message_id = NULL, expires_at = NULL, sent_at = NULL WHERE id = ?`,
        [id]
      )
      expect(await service.reconcileUnknown(0)).toMatchObject({ requeued: 1 })
      const sent = await until("the message to be sent again", async () => ((await row(id))?.status === "sent" ? row(id) : undefined))
      expect(fake.sendAttempts.get(rbmMessageId(id))).toBe(2) // the second one refused with 409
      expect(sent).toMatchObject({ provider: "rbm", provider_message_id: rbmMessageId(id) })
      expect(sent.expires_at).toBeInstanceOf(Date)
      // the phone never takes it before its deadline: revoked at RBM, expired, and replaced by its SMS
      await knex().raw(`UPDATE sms_rcs_message SET expires_at = now() - interval '1 minute' WHERE id = ?`, [id])
      expect(await service.fallBackExpiredRcs(0)).toEqual({ revoked: 1, delivered: 0 })
      expect((await row(id)).status).toBe("expired")
      expect(fake.messages.get(rbmMessageId(id))!.state).toBe("revoked")
      const [fallback] = await service.listMessages({ fallback_of_id: id })
      expect(fallback).toMatchObject({ channel: "sms", to: PHONES.accepted })
    })

    it("never sends the SMS beside an RCS that RBM may hold: a last try that RBM answered 503 waits for the revoke", async () => {
      const id = await create(PHONES.flaky, "rcs")
      await service.enqueueMessages([id])
      const left = await until("the last try to give up", async () => ((await row(id))?.status === "unknown" ? row(id) : undefined))
      // every try went to RBM under the same id (the retries did not turn into SMS), and no SMS was made
      expect(fake.sendAttempts.get(rbmMessageId(id))).toBe(3)
      expect(left).toMatchObject({ channel: "rcs", provider: "rbm" })
      expect(left.expires_at).toBeInstanceOf(Date)
      expect(await service.listMessages({ fallback_of_id: id })).toEqual([])
      // past its deadline the RCS is revoked at RBM first, and only then replaced by its SMS
      await knex().raw(`UPDATE sms_rcs_message SET expires_at = now() - interval '1 minute' WHERE id = ?`, [id])
      expect(await service.fallBackExpiredRcs(0)).toEqual({ revoked: 1, delivered: 0 })
      expect(fake.messages.get(rbmMessageId(id))!.state).toBe("revoked")
      const [fallback] = await service.listMessages({ fallback_of_id: id })
      expect(fallback).toMatchObject({ channel: "sms", to: PHONES.flaky })
    })

    it("keeps RBM's DELIVERED and READ that arrive before 'sent' is written, and applies them", async () => {
      const id = await create(PHONES.early, "rcs")
      await service.enqueueMessages([id])
      const done = await until("the early events to be applied", async () => ((await row(id))?.status === "read" ? row(id) : undefined))
      expect(done).toMatchObject({ provider: "rbm", provider_message_id: rbmMessageId(id) })
      expect(done.delivered_at).toBeInstanceOf(Date)
      // both events reached the webhook before RBM answered the send
      const ours = fake.webhookCalls.filter((c) => Buffer.from(JSON.parse(c.body).message.data, "base64").toString().includes(rbmMessageId(id)))
      expect(ours.map((c) => c.status)).toEqual([200, 200])
    })

    it("suppresses a message whose STOP arrives during its RCS capability check", async () => {
      const id = await create(PHONES.slowCheck, "rcs")
      await service.enqueueMessages([id])
      await until("the capability check to start", async () => fake.capabilityChecks.includes(PHONES.slowCheck))
      await service.recordConsent({ phone: PHONES.slowCheck, purpose: "transactional", action: "revoke", source: "keyword" } as any)
      const done = await until("the message to settle", async () => ((await row(id))?.status === "suppressed" ? row(id) : undefined))
      expect(done.status_reason).toMatch(/^opted_out/)
      expect(fake.messages.has(rbmMessageId(id))).toBe(false)
    })

    it("suppresses a message whose STOP arrives while it waits for its rate-limit slot", async () => {
      // a full bucket: the first takes its one token, the second waits ~1.7 s for its slot (under the 2 s a worker holds a message)
      await until("the queue to be idle", async () => {
        const c = await service.queueCounts()
        return c.waiting + c.active + c.delayed === 0
      })
      await (service as any).parts_.redis.del(`${queueName}:rate:sandbox`)
      const first = await create(PHONES.pacedFirst, "sms")
      const waiting = await create(PHONES.paced, "sms")
      await service.enqueueMessages([first])
      await until("the first to be sent", async () => ["sent", "delivered"].includes((await row(first))?.status))
      await service.enqueueMessages([waiting])
      await until("the second to wait for its slot", async () => (await row(waiting))?.status === "sending")
      await service.recordConsent({ phone: PHONES.paced, purpose: "transactional", action: "revoke", source: "keyword" } as any)
      const done = await until("the message to settle", async () => ((await row(waiting))?.status === "suppressed" ? row(waiting) : undefined))
      expect(done).toMatchObject({ provider: null, provider_message_id: null })
    })
  },
})
