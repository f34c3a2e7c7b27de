import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import type { CreateMessageInput } from "../types"

jest.setTimeout(90_000)

const RATE = 5 // segments per second

const message = (overrides: Partial<CreateMessageInput> = {}): CreateMessageInput => ({
  idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
  to: "+33612345678",
  channel: "sms",
  purpose: "transactional",
  body: "Your parcel is on its way",
  status: "queued",
  segments: 1,
  ...overrides,
})

async function allSettled(service: MessagingModuleService, ids: string[]) {
  for (let i = 0; i < 300; i++) {
    const rows = await service.listMessages({ id: ids })
    if (rows.every((r) => ["delivered", "failed"].includes(r.status))) return rows
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error("messages did not settle")
}

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName: `sms-rcs-rate-${process.pid}-${Date.now().toString(36)}`,
    sandbox: { deliveryDelayMs: 10 },
    rateLimit: { segmentsPerSecond: RATE, burst: 1 },
    concurrency: 10,
  },
  testSuite: ({ service }) => {
    it("never sends faster than the configured segments per second, counting each message's segments", async () => {
      const created = []
      for (let i = 0; i < 8; i++) {
        created.push((await service.createMessageOnce(message({ segments: i === 3 ? 3 : 1 }))).message)
      }
      await service.enqueueMessages(created.map((m) => m.id))
      const rows = await allSettled(service, created.map((m) => m.id))

      expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true)
      const sent = rows
        .map((r) => ({ at: r.sent_at!.getTime(), segments: r.segments }))
        .sort((a, b) => a.at - b.at)
      const total = sent.reduce((sum, s) => sum + s.segments, 0)
      expect(total).toBe(10)
      // Every segment sent before the last message had to be paid for, less the one saved-up token:
      // the last send comes at least (segments before it - burst) / RATE seconds after the first.
      const before = total - sent[sent.length - 1].segments
      expect(sent[sent.length - 1].at - sent[0].at).toBeGreaterThanOrEqual(((before - 1) / RATE) * 1000 - 100)
    })

    it("waits when the provider answers 429, without counting the throttled try as an attempt", async () => {
      const { message: created } = await service.createMessageOnce(message({ to: "+33600000004" }))
      await service.enqueueMessages([created.id])
      const [row] = await allSettled(service, [created.id])
      expect(row).toMatchObject({ status: "delivered", attempts: 1, status_reason: null })
    })
  },
})
