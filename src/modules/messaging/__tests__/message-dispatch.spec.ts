import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import type { CreateMessageInput } from "../types"

jest.setTimeout(60_000)

const queueName = `sms-rcs-module-${process.pid}-${Date.now().toString(36)}`

const message = (overrides: Partial<CreateMessageInput> = {}): CreateMessageInput => ({
  idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
  to: "+33612345678",
  channel: "sms",
  purpose: "transactional",
  template_key: "order_confirmation",
  body: "Your order is confirmed",
  status: "queued",
  encoding: "GSM-7",
  segments: 1,
  ...overrides,
})

/** Polls the row until `done` says so; bounded so a broken worker fails the test instead of hanging it. */
async function waitForMessage(service: MessagingModuleService, id: string, done: (m: any) => boolean) {
  for (let i = 0; i < 150; i++) {
    const [row] = await service.listMessages({ id })
    if (row && done(row)) return row
    await new Promise((r) => setTimeout(r, 100))
  }
  const [row] = await service.listMessages({ id })
  throw new Error(`message ${id} never reached the expected state; it is ${JSON.stringify(row)}`)
}

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName,
    sandbox: { deliveryDelayMs: 50 },
    retry: { attempts: 3, backoffMs: 100 },
  },
  testSuite: ({ service }) => {
    // The runner builds the module anew for each test and starts it as an app does: its worker runs.
    describe("createMessageOnce", () => {
      it("keeps a notification's ready text until its message holds it, and the sweeper drops one left a day", async () => {
        const knex = (service as any).parts_.states.knex
        const texts = (service as any).parts_.notificationTexts
        await texts.put("noti_fresh", "Your alteration is ready")
        await texts.put("noti_fresh", "a second send keeps the first text")
        await texts.put("noti_stale", "Never became a message")
        await knex.raw(`UPDATE sms_rcs_notification_text SET created_at = now() - interval '25 hours' WHERE id = 'noti_stale'`)
        expect(await service.notificationText("noti_fresh")).toBe("Your alteration is ready")
        await service.sweepStranded()
        expect(await service.notificationText("noti_stale")).toBeNull()
        expect(await service.notificationText("noti_fresh")).toBe("Your alteration is ready")
        await service.forgetNotificationText("noti_fresh")
        expect(await service.notificationText("noti_fresh")).toBeNull()
      })

      it("returns the existing message for a repeated idempotency key", async () => {
        const input = message()
        const first = await service.createMessageOnce(input)
        const second = await service.createMessageOnce({ ...input, body: "something else" })
        expect(first.created).toBe(true)
        expect(second).toEqual({ message: expect.objectContaining({ id: first.message.id, body: input.body }), created: false })
      })

      it("makes one message out of many concurrent attempts", async () => {
        const input = message()
        const results = await Promise.all(Array.from({ length: 12 }, () => service.createMessageOnce(input)))
        expect(new Set(results.map((r) => r.message.id)).size).toBe(1)
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(await service.listMessages({ idempotency_key: input.idempotency_key })).toHaveLength(1)
      })
    })

    describe("dispatch", () => {
      it("sends a queued message through the sandbox and records its delivery", async () => {
        const { message: created } = await service.createMessageOnce(message())
        await service.enqueueMessages([created.id])
        const done = await waitForMessage(service, created.id, (m) => m.status === "delivered")
        expect(done).toMatchObject({ status: "delivered", provider: "sandbox", attempts: 1 })
        expect(done.provider_message_id).toMatch(/^sbx_[0-9a-f]{32}$/)
        expect(done.sent_at).toBeInstanceOf(Date)
        expect(done.delivered_at!.getTime()).toBeGreaterThanOrEqual(done.sent_at!.getTime())
      })

      it("sends once however many times a message is enqueued", async () => {
        const { message: created } = await service.createMessageOnce(message())
        await Promise.all([
          service.enqueueMessages([created.id]),
          service.enqueueMessages([created.id]),
          service.enqueueMessages([created.id, created.id]),
        ])
        const done = await waitForMessage(service, created.id, (m) => m.status === "delivered")
        await service.enqueueMessages([created.id])
        await service.sweepStranded(0)
        const [after] = await service.listMessages({ id: done.id })
        expect(after).toMatchObject({ status: "delivered", attempts: 1, provider_message_id: done.provider_message_id })
      })

      it("lets exactly one of several concurrent claims win", async () => {
        const { message: created } = await service.createMessageOnce(message())
        const states = (service as any).parts_.states
        const claims = await Promise.all(Array.from({ length: 8 }, () => states.claim(created.id)))
        expect(claims.filter(Boolean)).toHaveLength(1)
        expect(claims.find(Boolean)).toMatchObject({ id: created.id, to: "+33612345678", attempts: 1 })
      })

      it("never sends a skipped message", async () => {
        const { message: skipped } = await service.createMessageOnce(
          message({ to: null, status: "skipped", status_reason: "missing_phone: no phone number" })
        )
        await service.enqueueMessages([skipped.id])
        const { message: control } = await service.createMessageOnce(message())
        await service.enqueueMessages([control.id])
        await waitForMessage(service, control.id, (m) => m.status === "delivered")
        const [after] = await service.listMessages({ id: skipped.id })
        expect(after).toMatchObject({ status: "skipped", attempts: 0, provider: null })
      })

      it("fails a message the provider refuses for good, without retrying", async () => {
        const { message: created } = await service.createMessageOnce(message({ to: "+33600000002" }))
        await service.enqueueMessages([created.id])
        const done = await waitForMessage(service, created.id, (m) => m.status === "failed")
        expect(done).toMatchObject({ attempts: 1, provider: "sandbox" })
        expect(done.status_reason).toBe("SBX_INVALID_DESTINATION: sandbox: the destination cannot receive messages")
        expect(done.failed_at).toBeInstanceOf(Date)
      })

      it("retries a retryable failure with backoff, then fails it when the attempts run out", async () => {
        const { message: created } = await service.createMessageOnce(message({ to: "+33600000003" }))
        await service.enqueueMessages([created.id])
        const done = await waitForMessage(service, created.id, (m) => m.status === "failed")
        expect(done).toMatchObject({ attempts: 3 })
        expect(done.status_reason).toBe("SBX_UNAVAILABLE: sandbox: gateway unavailable (503)")
      })

      it("settles an RCS message left unknown by a worker that died mid-send (sandbox): sent again under the same id, then final", async () => {
        const { message: created } = await service.createMessageOnce(
          message({ channel: "rcs", rich_payload: { type: "card", card: { title: "Order 9", description: "Confirmed" } } as any })
        )
        const states = (service as any).parts_.states
        await states.knex.raw(`UPDATE sms_rcs_message SET status = 'unknown', claimed_at = now(), attempts = 1 WHERE id = ?`, [created.id])
        expect(await service.reconcileUnknown(0)).toMatchObject({ requeued: 1 })
        const done = await waitForMessage(service, created.id, (m) => m.status === "read")
        expect(done).toMatchObject({ channel: "rcs", provider: "sandbox" })
      })

      it("re-enqueues a due message that no job carries (lost Redis data)", async () => {
        const { message: created } = await service.createMessageOnce(message())
        const result = await service.sweepStranded(0)
        expect(result.requeued).toBeGreaterThanOrEqual(1)
        await waitForMessage(service, created.id, (m) => m.status === "delivered")
      })
    })

    describe("applyStatusEvent", () => {
      const event = (status: any, provider_message_id: string, occurred_at = new Date().toISOString()) => ({
        provider: "sandbox",
        provider_message_id,
        status,
        occurred_at,
      })

      it("applies legal moves, refuses backwards ones, and keeps the first time of each status", async () => {
        const { message: created } = await service.createMessageOnce(message({ status: "sending" as any }))
        const states = (service as any).parts_.states
        expect(await states.transition(created.id, "sent", { provider: "sandbox", provider_message_id: "p-1" })).toBe(true)

        expect(await service.applyStatusEvent(event("delivered", "p-1", "2026-01-02T10:00:00.000Z"))).toEqual({
          applied: true,
          message_id: created.id,
        })
        expect(await service.applyStatusEvent(event("sent", "p-1"))).toEqual({ applied: false, message_id: created.id })
        expect(await service.applyStatusEvent(event("failed", "p-1"))).toEqual({ applied: false, message_id: created.id })
        expect(await service.applyStatusEvent(event("read", "p-1"))).toEqual({ applied: true, message_id: created.id })

        const [row] = await service.listMessages({ id: created.id })
        expect(row).toMatchObject({ status: "read" })
        expect(row.delivered_at!.toISOString()).toBe("2026-01-02T10:00:00.000Z")
      })

      it("reports a status for an unknown provider message as not applied", async () => {
        expect(await service.applyStatusEvent(event("delivered", "nobody"))).toEqual({ applied: false, message_id: null })
      })
    })
  },
})
