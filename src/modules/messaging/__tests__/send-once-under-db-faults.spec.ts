import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import { dropDatabase, ensureDatabase } from "../../../../integration-tests/helpers/services"
import { until } from "../../../../integration-tests/helpers/wait-for"
import { startFakeTwilio, type FakeTwilio, type FakeTwilioMessage } from "../../../../integration-tests/fakes/twilio-server"
import { failStatusWrites, killTheNextWriteOf } from "../../../../integration-tests/helpers/pg-faults"

jest.setTimeout(90_000)

const ACCOUNT_SID = `AC${"c3".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-token-db-faults"
const queueName = `sms-rcs-dbfault-${process.pid}-${Date.now().toString(36)}`

// Filled in once the fake runs: the runner reads the options when each test boots the module.
const twilio = {
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  from: "+15005550006",
  // no receiver: status callbacks fail, so only what the worker records counts
  publicUrl: "http://127.0.0.1:9",
  apiBaseUrl: "http://placeholder.invalid",
  timeoutMs: 5_000,
}

const REFUSED = "+33612000099"
/** Every line the module logs, to check that no phone number reaches the logs. */
const logged: string[] = []
const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "))
const logger = { info: capture, warn: capture, error: capture, debug: capture, log: capture, activity: capture, progress: capture, success: capture, failure: capture, panic: capture, shouldLog: () => true, setLogLevel: () => undefined, unsetLogLevel: () => undefined }

let fake: FakeTwilio
let onAccepted: ((m: FakeTwilioMessage) => Promise<void>) | null = null

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, onAccepted: (m) => onAccepted?.(m), refuse: { [REFUSED]: 21606 } })
  twilio.apiBaseUrl = fake.url
})

afterAll(async () => {
  await fake?.close()
})

// a database of its own: these tests kill connections and break statements on purpose
const dbName = `sms_rcs_dbfaults_${process.pid}`
beforeAll(() => ensureDatabase(dbName))
afterAll(() => dropDatabase(dbName).catch(() => undefined))

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  dbName,
  resolve: `${__dirname}/..`,
  moduleOptions: { provider: "twilio", twilio, queueName, retry: { attempts: 3, backoffMs: 100 } },
  injectedDependencies: { logger },
  testSuite: ({ service }) => {
    const knex = () => (service as any).parts_.states.knex
    // the test's own reads share the pool whose connection a fault killed: a read on that dead connection is retried
    const row = async (id: string): Promise<any> => {
      try {
        return (await service.listMessages({ id }))[0]
      } catch (error) {
        if (!/Connection terminated/.test((error as Error).message)) throw error
        return (await service.listMessages({ id }))[0]
      }
    }
    const queue = async (to: string) => {
      const { message } = await service.createMessageOnce({
        idempotency_key: `dbfault-${Math.random().toString(36).slice(2)}`,
        to,
        channel: "sms",
        purpose: "transactional",
        template_key: "order_confirmation",
        body: `Order for ${to} is confirmed`,
        status: "queued",
        encoding: "GSM-7",
        segments: 1,
      } as any)
      return message.id
    }
    const requestsFor = (id: string) => fake.accepted.filter((m) => m.message_id === id)
    const queueIdle = () =>
      until("the queue to be idle", async () => {
        const c = await service.queueCounts()
        return c.waiting + c.active + c.delayed === 0
      })

    afterEach(() => {
      onAccepted = null
    })

    it("records 'sent' once Twilio accepted, although PostgreSQL killed the connection writing it: one request", async () => {
      const id = await queue("+33612000001")
      let killed: Promise<number> | undefined
      onAccepted = async (m) => {
        // one fault, on the first request: a resend would then go through and show as a second request
        if (m.message_id !== id || killed) return
        const fault = await killTheNextWriteOf(knex(), id)
        await fault.locked
        killed = fault.killed
      }
      await service.enqueueMessages([id])
      const sent = await until("the message to be sent", async () => ((await row(id))?.status === "sent" ? row(id) : undefined))
      expect(await killed).toEqual(expect.any(Number))
      await queueIdle()
      expect(requestsFor(id)).toHaveLength(1)
      expect(sent).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: requestsFor(id)[0].sid, attempts: 1 })
    })

    it("never sends again when the answer cannot be written at all: kept, then recorded by the reconciler", async () => {
      const id = await queue("+33612000002")
      const clear = await failStatusWrites(knex(), ["sent"])
      try {
        await service.enqueueMessages([id])
        await until("Twilio to receive it", async () => requestsFor(id).length === 1)
        await queueIdle()
        // the worker gave up writing, kept Twilio's answer, and ended the job without a resend
        expect(await row(id)).toMatchObject({ status: "sending", provider_message_id: null })
        expect(await (service as any).parts_.dispatcher.kept.get(id)).toMatchObject({ provider: "twilio", provider_message_id: requestsFor(id)[0].sid })
        // the sweeper finds the abandoned claim; still nothing is sent
        await service.sweepStranded(0, 0)
        expect((await row(id)).status).toBe("unknown")
      } finally {
        await clear()
      }
      const report = await service.reconcileUnknown(0)
      expect(report).toMatchObject({ recorded: 1, requeued: 0 })
      expect(await row(id)).toMatchObject({ status: "sent", provider: "twilio", provider_message_id: requestsFor(id)[0].sid })
      expect(await (service as any).parts_.dispatcher.kept.get(id)).toBeNull()
      await queueIdle()
      expect(requestsFor(id)).toHaveLength(1)
    })

    it("retries a database error before the provider call, also when the claim cannot be given back: sent once", async () => {
      const id = await queue("+33612000003")
      // the consent read fails (before the provider), and so does giving the claim back to `queued`
      await knex().raw(`ALTER TABLE sms_rcs_consent RENAME TO sms_rcs_consent_away`)
      const clear = await failStatusWrites(knex(), ["queued"])
      try {
        await service.enqueueMessages([id])
        await until("the first attempt to fail", async () => (await service.queueCounts()).delayed === 1)
        expect(requestsFor(id)).toHaveLength(0)
        expect((await row(id)).status).toBe("sending")
      } finally {
        await clear()
        await knex().raw(`ALTER TABLE sms_rcs_consent_away RENAME TO sms_rcs_consent`)
      }
      // the job's retry takes its own claim again
      const sent = await until("the message to be sent", async () => ((await row(id))?.status === "sent" ? row(id) : undefined))
      await queueIdle()
      expect(requestsFor(id)).toHaveLength(1)
      // taking the held claim again counts as a new attempt: the claim is spent once taken
      expect(sent).toMatchObject({ attempts: 2, provider_message_id: requestsFor(id)[0].sid })
    })

    it("takes a held claim once: the same job run again (stalled, re-delivered) after Twilio accepted sends nothing", async () => {
      const id = await queue("+33612000007")
      // as after a failed give-back: the row is `sending` with attempts=1 and the job carries held_claim=1
      await knex().raw(`UPDATE sms_rcs_message SET status='sending', attempts=1, claimed_at=now() WHERE id=?`, [id])
      const job = () => ({ id, data: { message_id: id, held_claim: 1 }, opts: { attempts: 3 }, attemptsMade: 1, updateData: async () => undefined }) as any
      const clear = await failStatusWrites(knex(), ["sent"])
      try {
        // Twilio accepts, PostgreSQL refuses 'sent': the answer is kept and the row stays `sending`
        await (service as any).parts_.dispatcher.processSendJob(job())
        expect((await row(id)).status).toBe("sending")
        expect(requestsFor(id)).toHaveLength(1)
        await (service as any).parts_.dispatcher.processSendJob(job())
      } finally {
        await clear()
      }
      expect(requestsFor(id)).toHaveLength(1)
    })

    it("keeps the number out of status_reason and the logs when Twilio's error names it", async () => {
      const id = await queue(REFUSED)
      await service.enqueueMessages([id])
      const failed = await until("the refusal", async () => ((await row(id))?.status === "failed" ? row(id) : undefined))
      expect(failed.status_reason).toBe("21606: twilio: The message to [phone] was refused (error 21606).")
      const national = REFUSED.replace("+33", "0")
      expect(logged.some((line) => line.includes(`message ${id} failed`))).toBe(true)
      expect(logged.filter((line) => line.includes(REFUSED.slice(1)) || line.includes(national))).toEqual([])
    })
  },
})
