import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"

jest.setTimeout(60_000)

const queueName = `sms-rcs-analytics-${process.pid}-${Date.now().toString(36)}`

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: { queueName, pricing: { currency: "EUR", sms: { FR: 0.045, default: 0.07 }, rcs: { default: 0.03 } } },
  testSuite: ({ service }) => {
    const knex = () => (service as any).parts_.states.knex
    let n = 0
    /** A delivered SMS sent at `sentAt`, costing 4.5 cents, with `metadata` as its writer stored it. */
    const sent = async (sentAt: string, metadata: Record<string, unknown> | null = null, extra: Record<string, unknown> = {}) => {
      const { message } = await service.createMessageOnce({
        to: "+33612345678", country_code: "FR", purpose: "transactional", template_key: "order_confirmation", status: "queued",
        encoding: "GSM-7", segments: 1, channel: "sms", body: "Merci !", idempotency_key: `analytics:${++n}`, metadata, ...extra,
      } as any)
      await knex()("sms_rcs_message").where({ id: message.id }).update({
        status: "delivered", sent_at: sentAt, delivered_at: sentAt, cost_amount: 0.045, cost_currency_code: "EUR",
      })
      return message.id as string
    }
    const credit = (messageId: string, total: number) =>
      knex()("sms_rcs_attribution").insert({
        id: `smsattr_${messageId}`, order_id: `order_${messageId}`, message_id: messageId, channel: "sms", touch_type: "delivered",
        touch_at: new Date(), order_total: total, raw_order_total: { value: String(total), precision: 20 }, currency_code: "eur",
        model: "last_touch_v1", windows: {}, created_at: new Date(), updated_at: new Date(),
      })
    const report = (from: string, to: string, group_by: any[] = [], time_zone = "Europe/Paris") =>
      service.analytics({ from: new Date(from), to: new Date(to), group_by, time_zone })

    it("counts a message on the store's day: 23:30 and 00:30 in Paris", async () => {
      // 23:30 in Paris on the 24th (22:30Z), and 00:30 in Paris on the 25th (23:30Z, still the 24th in UTC)
      await sent("2026-11-24T22:30:00Z")
      await sent("2026-11-24T23:30:00Z")
      const paris = await report("2026-11-23T23:00:00Z", "2026-11-25T23:00:00Z", ["day"])
      expect(paris.time_zone).toBe("Europe/Paris")
      expect(paris.rows.map((r) => [r.day, r.sent])).toEqual([["2026-11-24", 1], ["2026-11-25", 1]])
      const utc = await report("2026-11-23T23:00:00Z", "2026-11-25T23:00:00Z", ["day"], "UTC")
      expect(utc.rows.map((r) => [r.day, r.sent])).toEqual([["2026-11-24", 2]])
    })

    it("leaves test sends (and their SMS fallbacks' copies) out of every figure, and counts them apart", async () => {
      const real = await sent("2026-11-10T09:00:00Z")
      await sent("2026-11-10T09:05:00Z", { test: true, sent_by: "user_1" })
      await sent("2026-11-10T09:06:00Z", { test: true, sent_by: "user_1" }, { channel: "rcs" })
      await sent("2026-11-10T09:07:00Z", { test: false })
      await credit(real, 120)
      const r = await report("2026-11-09T23:00:00Z", "2026-11-10T23:00:00Z", ["channel"])
      expect(r.test_messages).toBe(2)
      expect(r.totals).toMatchObject({ sent: 2, delivered: 2, orders: 1, revenue: 120, cost: 0.09 })
      expect(r.rows.map((row) => row.channel)).toEqual(["sms"])
      // ROI where it means something: revenue and cost both there
      expect(r.totals.roi).toBeCloseTo((120 - 0.09) / 0.09, 4)
    })

    it("gives no ROI without revenue (not −100 %)", async () => {
      await sent("2026-10-10T09:00:00Z")
      const r = await report("2026-10-09T22:00:00Z", "2026-10-10T22:00:00Z")
      expect(r.totals).toMatchObject({ sent: 1, revenue: 0, cost: 0.045, roi: null })
      expect(r.test_messages).toBe(0)
    })
  },
})
