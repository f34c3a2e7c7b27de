import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import { MessageStatus } from "../../../lib/message-status"
import type MessagingModuleService from "../service"
import type { MessageStates } from "../messages/message-states"
import type { MessageWriter } from "../messages/message-writer"

jest.setTimeout(60_000)

const queueName = `sms-rcs-states-${process.pid}-${Date.now().toString(36)}`

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: { queueName },
  testSuite: ({ service }) => {
    const states = () => (service as any).parts_.states as MessageStates
    const writer = () => (service as any).parts_.writer as MessageWriter
    const knex = () => states().knex

    /** `count` queued rows (not enqueued: no job carries them, the test claims them itself). */
    async function queued(prefix: string, count: number): Promise<string[]> {
      return writer().insert(
        Array.from({ length: count }, (_, i) => ({
          to: `+336${String(10_000_000 + i).slice(-8)}`,
          country_code: "FR",
          purpose: "transactional" as const,
          template_key: "order_confirmation",
          status: "queued" as const,
          encoding: "GSM-7" as const,
          segments: 1,
          channel: "sms" as const,
          body: `${prefix} ${i}`,
          idempotency_key: `${prefix}:${i}`,
        }))
      )
    }

    describe("grouped claims and moves keep the state machine's guarantees", () => {
      it("claims each message exactly once when twice as many claims as messages run at once", async () => {
        const ids = await queued("claim-race", 60)
        // every id asked twice, interleaved, all in flight together: they share statements
        const claims = await Promise.all([...ids, ...ids.slice().reverse()].map((id) => states().claim(id)))
        const won = claims.filter((c): c is NonNullable<typeof c> => !!c)
        expect(won).toHaveLength(60)
        expect(new Set(won.map((c) => c.id))).toEqual(new Set(ids))
        // each caller got its own message's row
        for (const claim of won) expect(claim.body).toBe(`claim-race ${ids.indexOf(claim.id)}`)
        const rows = await knex()("sms_rcs_message").whereIn("id", ids).select("status", "attempts")
        expect(rows.every((r: any) => r.status === "sending" && r.attempts === 1)).toBe(true)
        // a claim of a message already taken answers null
        expect(await states().claim(ids[0])).toBeNull()
      })

      it("never moves a message backwards when a late `sent` and its `delivered` land in one group", async () => {
        const [id] = await queued("late-sent", 1)
        expect(await states().claim(id)).not.toBeNull()
        const deliveredAt = new Date(Date.now() - 5_000)
        const [delivered, sent] = await Promise.all([
          states().transition(id, MessageStatus.DELIVERED, { at: deliveredAt, provider: "sandbox", provider_message_id: "SM1" }),
          states().transition(id, MessageStatus.SENT, { provider: "sandbox", provider_message_id: "SM1", status_reason: null }),
        ])
        expect(delivered).toBe(true)
        expect(sent).toBe(false)
        const row = await knex()("sms_rcs_message").where({ id }).first()
        expect(row.status).toBe("delivered")
        // the provider's event time, not the time the group ran
        expect(new Date(row.delivered_at).getTime()).toBe(deliveredAt.getTime())
        expect(row.provider_message_id).toBe("SM1")
      })

      it("answers true once for the same move made twice at the same moment (a replayed callback)", async () => {
        const [id] = await queued("replayed", 1)
        await states().claim(id)
        await states().transition(id, MessageStatus.SENT, { provider: "sandbox", provider_message_id: "SM2" })
        const answers = await Promise.all([
          states().transition(id, MessageStatus.DELIVERED, { provider: "sandbox", provider_message_id: "SM2" }),
          states().transition(id, MessageStatus.DELIVERED, { provider: "sandbox", provider_message_id: "SM2" }),
        ])
        expect(answers.sort()).toEqual([false, true])
      })

      it("keeps each move's own fields when moves with different fields share a moment", async () => {
        const ids = await queued("fields", 3)
        await Promise.all(ids.map((id) => states().claim(id)))
        await Promise.all([
          states().transition(ids[0], MessageStatus.SENT, { provider: "twilio", provider_message_id: "SMa", status_reason: "sent as SMS: RCS is not configured" }),
          states().transition(ids[1], MessageStatus.SENT, { provider: "twilio", provider_message_id: "SMb", status_reason: null }),
          states().transition(ids[2], MessageStatus.FAILED, { provider: "twilio", status_reason: "21211: invalid number" }),
        ])
        const rows = await knex()("sms_rcs_message").whereIn("id", ids).select("id", "status", "provider_message_id", "status_reason")
        const byId = Object.fromEntries(rows.map((r: any) => [r.id, r]))
        expect(byId[ids[0]]).toMatchObject({ status: "sent", provider_message_id: "SMa", status_reason: "sent as SMS: RCS is not configured" })
        expect(byId[ids[1]]).toMatchObject({ status: "sent", provider_message_id: "SMb", status_reason: null })
        expect(byId[ids[2]]).toMatchObject({ status: "failed", provider_message_id: null, status_reason: "21211: invalid number" })
      })
    })

    describe("held-out messages (holdout groups)", () => {
      const marketing = (key: string, status: "held_out" | "queued" | "sent", extra: Record<string, unknown> = {}) => ({
        to: "+33699887766",
        country_code: "FR",
        purpose: "marketing" as const,
        template_key: "win_back",
        automation: "win_back",
        status: status as never,
        encoding: "GSM-7" as const,
        segments: 1,
        channel: "sms" as const,
        body: "Maison Demo: we miss you",
        idempotency_key: key,
        ...extra,
      })

      it("are never claimed, and count against no frequency cap; a sent text does", async () => {
        const [held] = await writer().insert([marketing("held:1", "held_out", { status_reason: "holdout: 10 % of win_back" })])
        expect(await states().claim(held)).toBeNull()
        const [next] = await writer().insert([marketing("held:next", "queued")])
        const claimed = (await states().claim(next))!
        const cap = [{ max: 1, hours: 24, label: "store limit" }]
        // the held-out row is no text received: the cap of one still lets this one go
        expect(await states().skipIfOverCap(claimed, cap)).toBeNull()
        // a text that did go counts
        await writer().insert([marketing("held:sent", "sent")])
        await knex()("sms_rcs_message").where({ idempotency_key: "held:sent" }).update({ sent_at: new Date() })
        expect(await states().skipIfOverCap(claimed, cap)).toMatch(/^frequency_cap: 1 marketing messages in 24 h/)
        const row = await knex()("sms_rcs_message").where({ id: held }).first()
        expect(row).toMatchObject({ status: "held_out", attempts: 0, claimed_at: null })
      })
    })
  },
})
