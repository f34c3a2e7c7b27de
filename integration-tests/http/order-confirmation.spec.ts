import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import IORedis from "ioredis"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-order")
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    const order = (email: string, phone: string | null, first_name?: string) =>
      placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email,
        customer: first_name ? { first_name } : undefined,
        phone,
      })

    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}`, admin)).data.messages

    const recordedFor = (orderId: string) =>
      waitFor(async () => {
        const messages = await messagesOf(orderId)
        return messages.length ? messages : undefined
      }, { what: `a message for ${orderId}` })

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    it("sends an order confirmation SMS through the queue and the sandbox, which reports it delivered", async () => {
      const placed = await order("lea@example.com", "06 12 34 56 78", "Léa")

      const message = await waitFor(
        async () => (await messagesOf(placed.id)).find((m: any) => m.status === "delivered"),
        { what: "the order confirmation to be delivered" }
      )
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=total,display_id`, admin)

      expect(message).toMatchObject({
        to: "+33612345678",
        channel: "sms",
        purpose: "transactional",
        template_key: "order_confirmation",
        order_id: placed.id,
        status: "delivered",
        provider: "sandbox",
        encoding: "GSM-7",
        segments: 1,
        cost_amount: 0.045,
        cost_currency_code: "EUR",
      })
      expect(message.body).toBe(
        `Maison Demo: thank you Léa! Order #${data.order.display_id} (€${Number(data.order.total).toFixed(2)}) is ` +
          `confirmed. We will text you when it ships.`
      )
      expect(message.provider_message_id).toMatch(/^sbx_/)
      expect(new Date(message.sent_at).getTime()).toBeLessThanOrEqual(new Date(message.delivered_at).getTime())

      const { data: one } = await api.get(`/admin/messaging/messages/${message.id}`, admin)
      expect(one.message).toMatchObject({ id: message.id, status: "delivered", body: message.body })
    })

    it("records one message when order.placed is delivered twice, even concurrently", async () => {
      const placed = await order("sam@example.com", "+33 6 98 76 54 32")
      await recordedFor(placed.id)

      // The plugin's own subscriber, as loaded by the app, run again twice at once.
      const { default: orderPlaced } = require("medusa-plugin-sms-rcs/subscribers/order-placed")
      const event = { name: "order.placed", data: { id: placed.id }, metadata: {} }
      await Promise.all([
        orderPlaced({ event, container: getContainer(), pluginOptions: {} }),
        orderPlaced({ event, container: getContainer(), pluginOptions: {} }),
      ])
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: placed.id } })

      const delivered = await waitFor(
        async () => {
          const messages = await messagesOf(placed.id)
          return messages.every((m: any) => m.status === "delivered") ? messages : undefined
        },
        { what: "delivery" }
      )
      expect(delivered).toHaveLength(1)
      expect(delivered[0].attempts).toBe(1)
    })

    it("records a skipped message, and sends nothing, when the order has no phone", async () => {
      const placed = await order("nophone@example.com", null)
      const [message] = await recordedFor(placed.id)
      expect(message).toMatchObject({ status: "skipped", to: null, provider: null })
      expect(message.status_reason).toMatch(/^missing_phone/)
    })

    it("suppresses a number from a country the store does not sell to, and a premium-rate number", async () => {
      const foreign = await order("uk@example.com", "+44 7400 123456")
      const premium = await order("premium@example.com", "08 99 12 34 56")
      const [[uk], [fr]] = await Promise.all([recordedFor(foreign.id), recordedFor(premium.id)])
      expect(uk).toMatchObject({ status: "suppressed", to: "+447400123456", provider: null })
      expect(uk.status_reason).toBe("country_not_allowed: country GB is not in the allowed countries (FR)")
      expect(fr).toMatchObject({ status: "suppressed", to: "+33899123456", provider: null })
      expect(fr.status_reason).toBe("refused_number_type: premium_rate numbers are not messaged")
    })

    it("sends a marketing text from the exported workflow only with consent, with the opt-out mention counted", async () => {
      const { sendMessageWorkflow } = require("medusa-plugin-sms-rcs/workflows")
      const container = getContainer()
      const messaging = container.resolve("messaging") as any
      const run = (key: string) =>
        sendMessageWorkflow(container).run({
          input: { idempotency_key: key, template_key: "flash_sale", body: "Flash sale: -20% on linen until Sunday", phone: "+33 6 55 44 33 22", purpose: "marketing" },
        })

      const settle = (id: string) =>
        waitFor(async () => {
          const { data } = await api.get(`/admin/messaging/messages/${id}`, admin)
          return ["queued", "sending", "sent"].includes(data.message.status) ? undefined : data.message
        })
      // consent is read when the worker sends: let the first message be sent before the grant
      const { result: refused } = await run("sale-1")
      const no = await settle(refused.message.id)
      await messaging.recordConsent({ phone: "+33655443322", purpose: "marketing", action: "grant", source: "admin", wording: "Offline form" })
      const { result: allowed } = await run("sale-2")
      const yes = await settle(allowed.message.id)
      expect(no).toMatchObject({ status: "suppressed", status_reason: "no_marketing_consent: the recipient never opted in" })
      expect(yes.body).toBe("Flash sale: -20% on linen until Sunday\nReply STOP to opt out")
      expect(yes).toMatchObject({ purpose: "marketing", segments: 1, encoding: "GSM-7" })
      // the French quiet hours may hold it back; either way it was not refused
      expect(["delivered", "deferred"]).toContain(yes.status)
    })

    it("records the SMS box ticked at checkout as a double opt-in request, once, and asks for the YES", async () => {
      const placed = await placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: "box@example.com",
        phone: "06 77 88 99 00",
        metadata: {
          sms_opt_in: { wording: "Je veux recevoir les offres de Maison Demo par SMS", wording_version: "checkout-2026-11", locale: "fr", user_agent: "Mozilla/5.0 (iPhone)" },
        },
      })
      const messaging = getContainer().resolve("messaging") as any
      const ask = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/messages?to=%2B33677889900&template_key=consent_double_opt_in`, admin)
        return data.messages.find((m: any) => m.status === "delivered")
      })
      expect(ask.body).toMatch(/^Maison Demo : répondez OUI pour recevoir nos offres par SMS/)
      expect(await messaging.consentStateOf("+33677889900")).toEqual({ marketing: "pending" })

      // order.placed again: nothing new in the ledger, no second question
      const { default: checkoutOptIn } = require("medusa-plugin-sms-rcs/subscribers/checkout-opt-in")
      await checkoutOptIn({ event: { name: "order.placed", data: { id: placed.id } }, container: getContainer(), pluginOptions: {} })
      const events = await messaging.listConsentEvents({ phone: "+33677889900" })
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        action: "request",
        source: "checkout",
        wording_version: "checkout-2026-11",
        user_agent: "Mozilla/5.0 (iPhone)",
        evidence: { order_id: placed.id },
      })
      const { data } = await api.get(`/admin/messaging/messages?to=%2B33677889900`, admin)
      expect(data.messages.filter((m: any) => m.template_key === "consent_double_opt_in")).toHaveLength(1)
    })

    it("sends what Medusa's Notification Module is asked to send on the sms channel, once per idempotency key", async () => {
      const notifications = getContainer().resolve(Modules.NOTIFICATION) as any
      const ask = () =>
        notifications.createNotifications([
          {
          to: "+33 6 23 45 67 89",
          channel: "sms",
          template: "pickup_ready",
          content: { text: "Your order is ready for pickup at our Lyon shop." },
          data: { order_id: "order_pickup_1" },
          idempotency_key: "pickup-ready-order_pickup_1",
          },
        ])
      const [created] = await ask()
      expect(created).toMatchObject({ channel: "sms", provider_id: "sms-rcs", status: "success", external_id: created.id })
      await ask()

      const message = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/messages?template_key=pickup_ready`, admin)
        return data.messages.find((m: any) => m.status === "delivered")
      })
      expect(message).toMatchObject({
        to: "+33623456789",
        body: "Your order is ready for pickup at our Lyon shop.",
        purpose: "transactional",
        order_id: "order_pickup_1",
      })
      const { data } = await api.get(`/admin/messaging/messages?template_key=pickup_ready`, admin)
      expect(data.count).toBe(1)
    })

    it("never puts a notification's text or phone on Redis (the event carries the id; the text waits in PostgreSQL)", async () => {
      const redis = new IORedis(process.env.REDIS_URL || "redis://localhost:6379")
      const monitor = await redis.monitor()
      const seen: string[] = []
      monitor.on("monitor", (_time: string, args: string[]) => seen.push(args.join(" ")))
      try {
        const notifications = getContainer().resolve(Modules.NOTIFICATION) as any
        const text = "Votre retouche est prête: passez quand vous voulez, code R-77."
        await notifications.createNotifications([{ to: "+33 6 41 52 63 74", channel: "sms", template: "alteration_ready", content: { text } }])
        const message = await waitFor(async () => {
          const { data } = await api.get(`/admin/messaging/messages?template_key=alteration_ready`, admin)
          return data.messages.find((m: any) => m.status === "delivered")
        })
        expect(message).toMatchObject({ to: "+33641526374", body: text })
        // the event went through Redis (the Redis event bus), and only as an id
        expect(seen.some((command) => command.includes("sms-rcs.notification.requested"))).toBe(true)
        const leaks = seen.filter((command) => ["retouche", "+33641526374", "33641526374", "0641526374"].some((s) => command.includes(s)))
        expect(leaks).toEqual([])
        // the kept copy is gone once the message row holds the text
        const pg = getContainer().resolve("__pg_connection__") as any
        const { rows } = await pg.raw(`SELECT count(*)::int AS n FROM sms_rcs_notification_text`)
        expect(rows[0].n).toBe(0)
      } finally {
        monitor.disconnect()
        redis.disconnect()
      }
    })

    it("records a skipped message with the reason when the phone cannot be parsed", async () => {
      const placed = await order("badphone@example.com", "12")
      const [message] = await recordedFor(placed.id)
      expect(message).toMatchObject({ status: "skipped", to: null })
      expect(message.status_reason).toBe('invalid_phone: "12" is not a valid phone number (default country FR)')
    })
  },
})
