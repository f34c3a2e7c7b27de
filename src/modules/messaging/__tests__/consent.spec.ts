import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"
import type { CreateMessageInput } from "../types"

jest.setTimeout(120_000)

const PHONE = "+33612345678"
const ALL_DAY = { start: "00:00", end: "24:00", days: [0, 1, 2, 3, 4, 5, 6] }

const message = (overrides: Partial<CreateMessageInput> = {}): CreateMessageInput => ({
  idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
  to: PHONE,
  country_code: "FR",
  rule_region: "FR",
  time_zones: ["Europe/Paris"],
  channel: "sms",
  purpose: "marketing",
  body: "Soldes : -20 % ce week-end",
  status: "queued",
  segments: 1,
  ...overrides,
})

async function finalStatus(service: MessagingModuleService, id: string) {
  for (let i = 0; i < 150; i++) {
    const [row] = await service.listMessages({ id })
    if (!["queued", "sending", "sent"].includes(row.status)) return row
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`message ${id} never settled`)
}

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: {
    queueName: `sms-rcs-consent-${process.pid}-${Date.now().toString(36)}`,
    sandbox: { deliveryDelayMs: 0 },
    quietHours: { FR: ALL_DAY },
  },
  testSuite: ({ service }) => {
    const send = async (overrides: Partial<CreateMessageInput> = {}) => {
      const { message: created } = await service.createMessageOnce(message(overrides))
      await service.enqueueMessages([created.id])
      return finalStatus(service, created.id)
    }
    const consent = (purpose: "marketing" | "transactional", action: "grant" | "revoke" | "request", occurred_at?: Date) =>
      service.recordConsent({
        phone: PHONE,
        purpose,
        action,
        source: "storefront_form",
        wording: "Je souhaite recevoir les offres de Maison Demo par SMS.",
        wording_version: "2026-11",
        locale: "fr",
        ip: "203.0.113.7",
        user_agent: "Mozilla/5.0",
        occurred_at,
      })

    describe("ledger", () => {
      it("appends every event with its proof and keeps the current state beside it", async () => {
        await consent("marketing", "grant")
        await consent("marketing", "revoke")
        const events = await service.listConsentEvents({ phone: PHONE }, { order: { occurred_at: "ASC" } })
        expect(events.map((e) => e.action)).toEqual(["grant", "revoke"])
        expect(events[0]).toMatchObject({
          source: "storefront_form",
          wording_version: "2026-11",
          ip: "203.0.113.7",
          user_agent: "Mozilla/5.0",
          locale: "fr",
        })
        expect(await service.consentStateOf(PHONE)).toEqual({ marketing: "revoked" })
        const [state] = await service.listConsents({ phone: PHONE })
        expect(state.last_event_id).toBe(events[1].id)
      })

      it("lets the latest event win even when an older one is recorded later", async () => {
        await consent("marketing", "grant", new Date("2026-06-02T10:00:00Z"))
        const late = await consent("marketing", "revoke", new Date("2026-06-01T10:00:00Z"))
        expect(late.status).toBe("granted")
        expect(await service.consentStateOf(PHONE)).toEqual({ marketing: "granted" })
        expect(await service.listConsentEvents({ phone: PHONE })).toHaveLength(2)
      })

      it("never lets a double opt-in request undo a grant", async () => {
        await consent("marketing", "grant")
        expect((await consent("marketing", "request")).status).toBe("granted")
      })
    })

    describe("the gate at send time", () => {
      it("suppresses marketing to a phone that never opted in, or is still to confirm", async () => {
        expect(await send()).toMatchObject({ status: "suppressed", status_reason: "no_marketing_consent: the recipient never opted in", attempts: 0 })
        await consent("marketing", "request")
        expect((await send()).status_reason).toBe("no_marketing_consent: double opt-in not confirmed yet")
      })

      it("sends marketing after a grant, and suppresses it again after a revoke", async () => {
        await consent("marketing", "grant")
        expect((await send()).status).toBe("delivered")
        await consent("marketing", "revoke")
        expect(await send()).toMatchObject({ status: "suppressed", status_reason: "no_marketing_consent: the recipient opted out of marketing" })
      })

      it("still sends transactional messages after a marketing STOP, not after STOP ALL — but the confirmation goes out", async () => {
        await consent("marketing", "revoke")
        expect((await send({ purpose: "transactional" })).status).toBe("delivered")
        await consent("transactional", "revoke")
        expect(await send({ purpose: "transactional" })).toMatchObject({
          status: "suppressed",
          status_reason: "opted_out: the recipient stopped all messages",
        })
        // the confirmation passes by the flag the plugin's own reply carries, not by its template key
        expect((await send({ purpose: "transactional", template_key: "consent_stop_confirmation" })).status).toBe("suppressed")
        expect(
          (await send({ purpose: "transactional", template_key: "consent_stop_confirmation", consent_reply: "stop_confirmation" })).status
        ).toBe("delivered")
      })

      it("checks consent when the message is sent, not when it was queued", async () => {
        await consent("marketing", "grant")
        const { message: queued } = await service.createMessageOnce(message())
        await consent("marketing", "revoke")
        await service.enqueueMessages([queued.id])
        expect((await finalStatus(service, queued.id)).status).toBe("suppressed")
      })
    })

    // System-level property: random grants, revokes, requests and marketing sends through the real
    // worker; every delivered marketing message must have been claimed while the phone's latest
    // marketing event was a grant (and no STOP ALL), replaying the ledger at the claim time.
    it("never delivers a marketing message to a revoked phone (random sequences, 300 steps)", async () => {
      let seed = 20261125
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
      const phones = ["+33611111111", "+33622222222", "+33633333333"]
      const sent: string[] = []
      for (let step = 0; step < 300; step++) {
        const phone = phones[Math.floor(random() * phones.length)]
        const roll = random()
        if (roll < 0.45) {
          const action = (["grant", "revoke", "request"] as const)[Math.floor(random() * 3)]
          const purpose = random() < 0.85 ? "marketing" : "transactional"
          await service.recordConsent({ phone, purpose, action, source: "keyword" })
        } else {
          const row = await send({ to: phone })
          sent.push(row.id)
        }
      }
      const events = await service.listConsentEvents({}, { order: { occurred_at: "ASC" }, take: 10_000 })
      const rows = await service.listMessages({ id: sent }, { take: 10_000 })
      let delivered = 0
      for (const row of rows) {
        const before = events.filter((e) => e.phone === row.to && new Date(e.occurred_at) <= (row.sent_at ?? row.updated_at))
        let marketing: string | undefined
        let all: string | undefined
        for (const e of before) {
          const status = e.action === "grant" ? "granted" : e.action === "revoke" ? "revoked" : "pending"
          if (e.purpose === "marketing" && !(e.action === "request" && marketing === "granted")) marketing = status
          if (e.purpose === "transactional" && !(e.action === "request" && all === "granted")) all = status
        }
        if (row.status === "delivered") {
          delivered++
          expect({ id: row.id, marketing, all }).toEqual({ id: row.id, marketing: "granted", all: all === "revoked" ? "not revoked" : all })
        } else {
          expect(row.status).toBe("suppressed")
        }
      }
      expect(delivered).toBeGreaterThan(10)
      expect(rows.length - delivered).toBeGreaterThan(10)
    })
  },
})
