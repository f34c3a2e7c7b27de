import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import type { MessageWriter } from "../messages/message-writer"

jest.setTimeout(60_000)

const queueName = `sms-rcs-writer-${process.pid}-${Date.now().toString(36)}`
const DAY = 86_400_000

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName,
    tracking: { enabled: true, baseUrl: "https://shop.example.com", expireAfterDays: 7 },
    pricing: { currency: "EUR", sms: { FR: 0.05, default: 0.08 }, rcs: { default: 0.03 } },
  },
  testSuite: ({ service }) => {
    const knex = () => (service as any).parts_.states.knex
    const writer = () => (service as any).parts_.writer as MessageWriter
    const base = {
      to: "+33612345678",
      country_code: "FR",
      purpose: "marketing" as const,
      template_key: "campaign",
      status: "queued" as const,
      encoding: "GSM-7" as const,
      segments: 1,
    }

    describe("the one writer of message rows", () => {
      it("gives a single send's links and a campaign page's links the same lifetime: tracking.expireAfterDays", async () => {
        const before = Date.now()
        const { message, created } = await service.createMessageOnce({
          ...base,
          idempotency_key: "single:1",
          channel: "sms",
          body: "Sale https://shop.example.com/r/aaaaaaaaaa",
          links: [{ code: "aaaaaaaaaa", target_url: "https://shop.example.com/sale", channel: "sms" }],
        })
        expect(created).toBe(true)
        expect(message).toMatchObject({ idempotency_key: "single:1", status: "queued", channel: "sms", segments: 1 })
        const ids = await writer().insert([
          { ...base, idempotency_key: "campaign:c1:+33612345678", channel: "sms", body: "b https://shop.example.com/r/bbbbbbbbbb",
            campaign_id: "smscamp_1", campaign_variant: "a", links: [{ code: "bbbbbbbbbb", target_url: "https://shop.example.com/b", channel: "sms" }] },
          { ...base, to: "+33612345679", idempotency_key: "campaign:c1:+33612345679", channel: "sms", body: "c https://shop.example.com/r/cccccccccc",
            campaign_id: "smscamp_1", campaign_variant: "b", links: [{ code: "cccccccccc", target_url: "https://shop.example.com/c", channel: "sms" }] },
        ])
        expect(ids).toHaveLength(2)
        // ids sort in the order they were made: the campaign feed walks them by id
        expect([...ids].sort()).toEqual(ids)
        const links = await knex()("sms_rcs_tracked_link").whereIn("code", ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"]).orderBy("code")
        expect(links.map((l: any) => l.campaign_id)).toEqual([null, "smscamp_1", "smscamp_1"])
        for (const link of links) {
          const lifetime = new Date(link.expires_at).getTime() - before
          // 7 days, as configured (campaign links used to get a hard-coded 90)
          expect(lifetime).toBeGreaterThan(7 * DAY - 60_000)
          expect(lifetime).toBeLessThan(7 * DAY + 60_000)
        }
      })

      it("writes a duplicate neither as a row nor as links, and returns the existing message", async () => {
        const first = await service.createMessageOnce({ ...base, idempotency_key: "dup:1", channel: "sms", body: "one" })
        const again = await service.createMessageOnce({
          ...base, idempotency_key: "dup:1", channel: "sms", body: "two",
          links: [{ code: "dddddddddd", target_url: "https://shop.example.com/d", channel: "sms" }],
        })
        expect(again).toMatchObject({ created: false, message: { id: first.message.id, body: "one" } })
        expect(await knex()("sms_rcs_tracked_link").where({ code: "dddddddddd" })).toHaveLength(0)
        expect(await writer().insert([{ ...base, idempotency_key: "dup:1", channel: "sms", body: "three" }])).toEqual([])
      })

      it("replaces an RCS message by an SMS that keeps its campaign, variant and order, with fresh links, priced as SMS, once", async () => {
        const [rcsId] = await writer().insert([
          { ...base, idempotency_key: "campaign:c2:+33612345678", channel: "rcs", body: "Sale https://shop.example.com/r/eeeeeeeeee",
            rich_payload: { type: "card" }, campaign_id: "smscamp_2", campaign_variant: "b", order_id: "order_1", cost_amount: 0.03,
            cost_currency_code: "EUR", metadata: { automation: "x" },
            links: [
              { code: "eeeeeeeeee", target_url: "https://shop.example.com/sale?utm_source=sms", channel: "sms" },
              { code: "ffffffffff", target_url: "https://shop.example.com/sale?utm_source=rcs", channel: "rcs" },
            ] },
        ])
        const fallbackId = await service.fallBackToSms(rcsId, "RCS failed: test")
        expect(fallbackId).toEqual(expect.any(String))
        expect(await service.fallBackToSms(rcsId, "again")).toBeNull()
        const sms = await knex()("sms_rcs_message").where({ id: fallbackId }).first()
        expect(sms).toMatchObject({
          channel: "sms", fallback_of_id: rcsId, campaign_id: "smscamp_2", campaign_variant: "b", order_id: "order_1",
          idempotency_key: "campaign:c2:+33612345678:sms-fallback",
          cost_amount: 0.05, cost_currency_code: "EUR", metadata: { automation: "x" },
        })
        const [link] = await knex()("sms_rcs_tracked_link").where({ message_id: fallbackId })
        expect(link).toMatchObject({ channel: "sms", target_url: "https://shop.example.com/sale?utm_source=sms", campaign_id: "smscamp_2" })
        expect(sms.body).toBe(`Sale https://shop.example.com/r/${link.code}`)
        expect(link.code).not.toBe("eeeeeeeeee")
      })
    })
  },
})
