import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import { localTime, nextAllowedTime } from "../../../lib/sending-rules"
import type MessagingModuleService from "../service"
import type { CreateMessageInput } from "../types"

jest.setTimeout(60_000)

// France is closed today (whatever today is) so a French marketing message must wait; Florida and the
// default region are open all day so the frequency caps can be tested at any hour.
const parisToday = localTime(new Date(), "Europe/Paris").weekday
const openDaysInFrance = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== parisToday)
const ALL_DAY = { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] }

const FLORIDA = "+13055550142"

const message = (overrides: Partial<CreateMessageInput> = {}): CreateMessageInput => ({
  idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
  to: "+33612345678",
  country_code: "FR",
  rule_region: "FR",
  time_zones: ["Europe/Paris"],
  channel: "sms",
  purpose: "marketing",
  body: "-20% this weekend",
  status: "queued",
  segments: 1,
  ...overrides,
})

async function settle(service: MessagingModuleService, id: string, statuses: string[]) {
  for (let i = 0; i < 150; i++) {
    const [row] = await service.listMessages({ id })
    if (statuses.includes(row.status)) return row
    await new Promise((r) => setTimeout(r, 100))
  }
  const [row] = await service.listMessages({ id })
  throw new Error(`message ${id} is still ${row.status}`)
}

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName: `sms-rcs-guards-${process.pid}-${Date.now().toString(36)}`,
    sandbox: { deliveryDelayMs: 20 },
    quietHours: { FR: { ...ALL_DAY, days: openDaysInFrance }, "US-FL": ALL_DAY, default: ALL_DAY },
  },
  testSuite: ({ service }) => {
    // Marketing needs consent; these tests are about the hours and caps, so every phone has opted in.
    beforeEach(async () => {
      for (const phone of ["+33612345678", FLORIDA]) {
        await service.recordConsent({ phone, purpose: "marketing", action: "grant", source: "admin" })
      }
    })

    const send = async (input: CreateMessageInput) => {
      const { message: created } = await service.createMessageOnce(input)
      await service.enqueueMessages([created.id])
      return created
    }

    /** Marketing messages already sent to `to`, `hoursAgo` hours ago. */
    const alreadySent = async (to: string, count: number, hoursAgo: number) => {
      const knex = (service as any).parts_.states.knex
      for (let i = 0; i < count; i++) {
        const { message: row } = await service.createMessageOnce(
          message({ to, country_code: "US", rule_region: "US-FL", time_zones: ["America/New_York"], status: "delivered" as any })
        )
        await knex.raw(
          `update sms_rcs_message set claimed_at = now() - (? * interval '1 hour'), sent_at = now() - (? * interval '1 hour') where id = ?`,
          [hoursAgo, hoursAgo, row.id]
        )
      }
    }

    it("defers a marketing message in quiet hours to the next allowed minute, without counting an attempt", async () => {
      const before = new Date()
      const created = await send(message())
      const row = await settle(service, created.id, ["deferred"])
      const expected = nextAllowedTime(before, { ...ALL_DAY, days: openDaysInFrance }, ["Europe/Paris"])
      expect(row.send_after!.toISOString()).toBe(expected.toISOString())
      expect(row.status_reason).toBe("quiet_hours: FR allows 00:00–24:00 in Europe/Paris")
      expect(row.attempts).toBe(0)
      expect((await service.queueCounts()).delayed).toBeGreaterThanOrEqual(1)
    })

    it("lets a transactional message through quiet hours", async () => {
      const created = await send(message({ purpose: "transactional" }))
      expect(await settle(service, created.id, ["delivered"])).toMatchObject({ status: "delivered", attempts: 1 })
    })

    it("skips the 4th marketing message to a Florida number within 24 hours", async () => {
      await alreadySent(FLORIDA, 3, 2)
      const fourth = await send(message({ to: FLORIDA, country_code: "US", rule_region: "US-FL", time_zones: ["America/New_York"] }))
      const row = await settle(service, fourth.id, ["skipped"])
      expect(row.status_reason).toBe("frequency_cap: 3 marketing messages in 24 h (US-FL limit: 3)")
      expect(row).toMatchObject({ attempts: 0, provider: null })

      const receipt = await send(message({ to: FLORIDA, purpose: "transactional", rule_region: "US-FL" }))
      expect((await settle(service, receipt.id, ["delivered"])).status).toBe("delivered")
    })

    it("sends the 4th once the first three are more than 24 hours old", async () => {
      await alreadySent(FLORIDA, 3, 25)
      const fourth = await send(message({ to: FLORIDA, country_code: "US", rule_region: "US-FL", time_zones: ["America/New_York"] }))
      expect((await settle(service, fourth.id, ["delivered", "skipped"])).status).toBe("delivered")
    })

    it("lets exactly one of two concurrent messages take the last place under the cap", async () => {
      await alreadySent(FLORIDA, 2, 1)
      const [a, b] = await Promise.all([
        service.createMessageOnce(message({ to: FLORIDA, country_code: "US", rule_region: "US-FL", time_zones: ["America/New_York"] })),
        service.createMessageOnce(message({ to: FLORIDA, country_code: "US", rule_region: "US-FL", time_zones: ["America/New_York"] })),
      ])
      await service.enqueueMessages([a.message.id, b.message.id])
      const rows = await Promise.all([a, b].map((r) => settle(service, r.message.id, ["delivered", "skipped"])))
      expect(rows.map((r) => r.status).sort()).toEqual(["delivered", "skipped"])
    })
  },
})

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName: `sms-rcs-cap-${process.pid}-${Date.now().toString(36)}`,
    sandbox: { deliveryDelayMs: 20 },
    quietHours: { default: ALL_DAY },
    frequencyCap: { max: 1, hours: 12 },
  },
  testSuite: ({ service }) => {
    it("applies the store's own frequency cap in every region", async () => {
      const uk = { to: "+447400123456", country_code: "GB", rule_region: "GB", time_zones: ["Europe/London"] }
      await service.recordConsent({ phone: uk.to, purpose: "marketing", action: "grant", source: "admin" })
      const { message: first } = await service.createMessageOnce(message(uk))
      await service.enqueueMessages([first.id])
      expect((await settle(service, first.id, ["delivered"])).status).toBe("delivered")

      const { message: second } = await service.createMessageOnce(message(uk))
      await service.enqueueMessages([second.id])
      const row = await settle(service, second.id, ["delivered", "skipped"])
      expect(row.status_reason).toBe("frequency_cap: 1 marketing messages in 12 h (store limit: 1)")
    })
  },
})
