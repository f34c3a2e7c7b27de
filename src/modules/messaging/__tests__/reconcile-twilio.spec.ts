import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "crypto"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import { dropDatabase, ensureDatabase } from "../../../../integration-tests/helpers/services"
import { until } from "../../../../integration-tests/helpers/wait-for"
import { startFakeTwilio, type FakeTwilio } from "../../../../integration-tests/fakes/twilio-server"

jest.setTimeout(90_000)

const ACCOUNT_SID = `AC${"d4".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-token-reconcile"
const SERVICE_SID = `MG${"e5".repeat(16)}`
const queueName = `sms-rcs-reconcile-${process.pid}-${Date.now().toString(36)}`

// Everything through a Messaging Service (SMS and RCS); Twilio's queue window is one second here.
const twilio = {
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  messagingServiceSid: SERVICE_SID,
  publicUrl: "http://127.0.0.1:9",
  apiBaseUrl: "http://placeholder.invalid",
  contentApiBaseUrl: "http://placeholder.invalid",
  validityPeriodSeconds: 1,
  timeoutMs: 1_000,
}

let fake: FakeTwilio

beforeAll(async () => {
  // messages stay queued at Twilio (no date_sent) for the whole test
  fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, queueHoldMs: 120_000, timeoutHoldMs: 1_500 })
  twilio.apiBaseUrl = fake.url
  twilio.contentApiBaseUrl = fake.url
})

afterAll(async () => {
  await fake?.close()
})

// a database of its own: these tests kill connections and break statements on purpose
const dbName = `sms_rcs_reconcile_twilio_${process.pid}`
beforeAll(() => ensureDatabase(dbName))
afterAll(() => dropDatabase(dbName).catch(() => undefined))

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  dbName,
  resolve: `${__dirname}/..`,
  moduleOptions: { provider: "twilio", twilio, rcs: { provider: "twilio", ttlSeconds: 60 }, queueName, retry: { attempts: 3, backoffMs: 100 } },
  testSuite: ({ service }) => {
    const knex = () => (service as any).parts_.states.knex
    const row = async (id: string) => (await service.listMessages({ id }))[0] as any
    const create = async (to: string, body: string, extra: Record<string, unknown> = {}) => {
      const { message } = await service.createMessageOnce({
        idempotency_key: `reconcile-${randomBytes(6).toString("hex")}`,
        to,
        channel: "sms",
        purpose: "transactional",
        template_key: "order_confirmation",
        body,
        status: "queued",
        encoding: "GSM-7",
        segments: 1,
        ...extra,
      } as any)
      return message.id
    }
    const requestsFor = (id: string) => fake.accepted.filter((m) => m.message_id === id)
    /** Sends a message whose answer never comes back in time: Twilio has it, we do not know. */
    const sendWithLostAnswer = async (id: string) => {
      fake.setFaults({ rate: 1, kinds: ["timeout"] })
      try {
        await service.enqueueMessages([id])
        return await until("the message to be unknown", async () => ((await row(id))?.status === "unknown" ? row(id) : undefined))
      } finally {
        fake.setFaults(undefined)
      }
    }
    const sendNormally = async (id: string) => {
      await service.enqueueMessages([id])
      return until("the message to be sent", async () => ((await row(id))?.status === "sent" ? row(id) : undefined))
    }

    it("finds a message still queued at Twilio (no DateSent yet) instead of sending it again", async () => {
      const id = await create("+33613000001", "Your order 1 is confirmed")
      await sendWithLostAnswer(id)
      expect(requestsFor(id)).toHaveLength(1)
      expect(requestsFor(id)[0].date_sent).toBeNull()

      const report = await service.reconcileUnknown(0)
      expect(report).toMatchObject({ found: 1, requeued: 0 })
      expect(await row(id)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: requestsFor(id)[0].sid })
      expect(requestsFor(id)).toHaveLength(1)
    })

    it("never takes the sid of another message with the same text, and calls a message lost only after the queue window", async () => {
      const to = "+33613000002"
      const first = await sendNormally(await create(to, "Your code is ready"))
      // a worker died before its request: Twilio never saw this one, though it has the same text to the same number
      const second = await create(to, "Your code is ready")
      await knex().raw(`UPDATE sms_rcs_message SET status = 'unknown', claimed_at = now(), attempts = 1 WHERE id = ?`, [second])

      expect(await service.reconcileUnknown(0)).toMatchObject({ found: 0, requeued: 0, waiting: 1 })
      expect((await row(second)).status).toBe("unknown")

      // Twilio's queue window (ValidityPeriod, 1 s here) has passed since the claim: now it is lost
      await knex().raw(`UPDATE sms_rcs_message SET claimed_at = now() - interval '2 seconds' WHERE id = ?`, [second])
      expect(await service.reconcileUnknown(0)).toMatchObject({ found: 0, requeued: 1 })
      const resent = await until("the lost message to be sent", async () => ((await row(second))?.status === "sent" ? row(second) : undefined))
      expect(requestsFor(second)).toHaveLength(1)
      expect(resent.provider_message_id).toBe(requestsFor(second)[0].sid)
      expect(resent.provider_message_id).not.toBe(first.provider_message_id)
    })

    it("reads every page of the number's messages", async () => {
      const to = "+33613000003"
      const id = await create(to, "Your parcel left the warehouse")
      await sendWithLostAnswer(id)
      // 1,200 later messages to the same number (another app, older campaigns): ours is on page 2
      const base = requestsFor(id)[0]
      for (let i = 0; i < 1200; i++) {
        fake.accepted.push({ ...base, sid: `SM${randomBytes(16).toString("hex")}`, body: `Other message ${i}`, message_id: null, messaging_service_sid: null, from: "+15005550007" })
      }
      expect(await service.reconcileUnknown(0)).toMatchObject({ found: 1, requeued: 0 })
      expect(await row(id)).toMatchObject({ status: "sent", provider_message_id: base.sid })
      expect(requestsFor(id)).toHaveLength(1)
    })

    it("settles an RCS message left unknown (Twilio RCS) instead of leaving it unknown forever", async () => {
      const id = await create("+33613000004", "Order 4 shipped", {
        channel: "rcs",
        rich_payload: { type: "card", card: { title: "Order 4 shipped", description: "On its way" } },
      })
      await sendWithLostAnswer(id)
      expect(requestsFor(id)).toHaveLength(1)
      expect(await row(id)).toMatchObject({ channel: "rcs", status: "unknown", provider: "twilio" })
      expect((await row(id)).expires_at).toBeInstanceOf(Date)

      expect(await service.reconcileUnknown(0)).toMatchObject({ found: 1 })
      expect(await row(id)).toMatchObject({ status: "sent", provider_message_id: requestsFor(id)[0].sid })
      expect(requestsFor(id)).toHaveLength(1)
    })
  },
})
