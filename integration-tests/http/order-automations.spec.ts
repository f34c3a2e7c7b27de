import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-automations")
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    const order = (email: string, phone: string) =>
      placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })
    const delivered = (orderId: string, templateKey: string) =>
      waitFor(
        async () => {
          const { data } = await api.get(`/admin/messaging/messages?order_id=${orderId}&template_key=${templateKey}`, admin)
          return data.messages.find((m: any) => m.status === "delivered")
        },
        { what: `${templateKey} for ${orderId}` }
      )
    const fulfil = async (orderId: string, noNotification = false, fulfillmentNoNotification = false) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: 1 }))
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items, ...(fulfillmentNoNotification ? { no_notification: true } : {}) }, admin)
      const { data: fulfilled } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, admin)
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
        {
          items,
          labels: [{ tracking_number: "6A12345678901", tracking_url: "https://suivi.example.com/6A12345678901", label_url: "https://labels.example.com/1.pdf" }],
          ...(noNotification ? { no_notification: true } : {}),
        },
        admin
      )
      return fulfillmentId as string
    }

    it("texts the tracking number when the order ships, then says it was delivered", async () => {
      const placed = await order("ship@example.com", "06 12 34 56 78")
      await delivered(placed.id, "order_confirmation")
      const fulfillmentId = await fulfil(placed.id)

      const shipped = await delivered(placed.id, "order_shipped")
      expect(shipped.body).toBe(
        `Maison Demo: order #${placed.display_id} is on its way! Tracking: 6A12345678901 https://suivi.example.com/6A12345678901`
      )
      expect(shipped).toMatchObject({ to: "+33612345678", purpose: "transactional", segments: 1 })

      await api.post(`/admin/orders/${placed.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      const arrived = await delivered(placed.id, "order_delivered")
      expect(arrived.body).toBe(`Maison Demo: order #${placed.display_id} has been delivered. Enjoy, Camille!`)
    })

    it("sends nothing for a shipment created with no_notification", async () => {
      const placed = await order("quiet@example.com", "06 98 76 54 32")
      await delivered(placed.id, "order_confirmation")
      const fulfillmentId = await fulfil(placed.id, true)
      await api.post(`/admin/orders/${placed.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      await delivered(placed.id, "order_delivered")
      const { data } = await api.get(`/admin/messaging/messages?order_id=${placed.id}`, admin)
      // the fulfillment itself was created without no_notification: "packed" goes, "shipped" does not
      expect(data.messages.map((m: any) => m.template_key).sort()).toEqual(["order_confirmation", "order_delivered", "order_fulfilled"])
    })

    it("tells the shopper when the order is canceled", async () => {
      const placed = await order("cancel@example.com", "+33 6 11 22 33 44")
      await delivered(placed.id, "order_confirmation")
      await api.post(`/admin/orders/${placed.id}/cancel`, {}, admin)
      const canceled = await delivered(placed.id, "order_canceled")
      expect(canceled.body).toMatch(new RegExp(`^Maison Demo: order #${placed.display_id} \\(€\\d+\\.\\d{2}\\) has been canceled\\.`))
    })

    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}&limit=50`, admin)).data.messages as any[]

    it("says the order is packed when a fulfillment is created, unless it was created with no_notification", async () => {
      const placed = await order("packed@example.com", "06 22 33 44 55")
      await delivered(placed.id, "order_confirmation")
      await fulfil(placed.id)
      const packed = await delivered(placed.id, "order_fulfilled")
      expect(packed.body).toBe(`Maison Demo: good news Camille, order #${placed.display_id} is packed and will ship soon.`)
      expect(packed.metadata).toEqual({ automation: "order_fulfilled" })

      const silent = await order("silent@example.com", "06 22 33 44 56")
      await delivered(silent.id, "order_confirmation")
      await fulfil(silent.id, true, true)
      await delivered(silent.id, "order_confirmation")
      // the shipment event came after the fulfillment event: had a text been sent, it would be there now
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await messagesOf(silent.id)).map((m) => m.template_key)).toEqual(["order_confirmation"])
    })

    it("confirms a received return with the refund due, and sends the store's own return_requested template", async () => {
      // the test app maps order.return_requested to the "return_requested" template (README, "Your own events")
      const saved = await api.post(
        "/admin/messaging/templates",
        {
          key: "return_requested",
          locale: "en",
          sms_body: "{{store_name}}: return {{event.return_id}} registered for order #{{order_display_id}}.",
        },
        admin
      )
      expect(saved.status).toBe(201)

      const placed = await order("return@example.com", "06 33 44 55 66")
      await delivered(placed.id, "order_confirmation")
      await fulfil(placed.id)
      await delivered(placed.id, "order_shipped")

      // paid, so the returned item is owed back to the shopper
      const { data: paid } = await api.get(`/admin/orders/${placed.id}?fields=payment_collections.payments.id`, admin)
      await api.post(`/admin/payments/${paid.order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      const { data: orderData } = await api.get(`/admin/orders/${placed.id}?fields=items.id,locale`, admin)
      const itemId = orderData.order.items[0].id
      const { data: created } = await api.post("/admin/returns", { order_id: placed.id }, admin)
      const returnId = created.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: itemId, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${returnId}/request`, {}, admin)

      const requested = await waitFor(
        async () => (await messagesOf(placed.id)).find((m) => m.template_key === "return_requested" && m.status === "delivered"),
        { what: "return_requested text" }
      )
      expect(requested.body).toBe(`Maison Demo: return ${returnId} registered for order #${placed.display_id}.`)

      await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: itemId, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)
      const received = await delivered(placed.id, "return_received")
      expect(received.body).toMatch(
        new RegExp(`^Maison Demo: we received the return for order #${placed.display_id}\\. Your refund of €\\d+\\.\\d{2} is on its way\\.$`)
      )
    })

    it("texts each refund once, with its amount", async () => {
      const placed = await order("refund@example.com", "06 44 55 66 77")
      await delivered(placed.id, "order_confirmation")
      const { data } = await api.get(`/admin/orders/${placed.id}?fields=payment_collections.payments.id,payment_collections.payments.amount`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 5 }, admin)
      const first = await delivered(placed.id, "order_refunded")
      expect(first.body).toBe(
        `Maison Demo: we refunded €5.00 for order #${placed.display_id}. It can take a few days to show on your statement.`
      )
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 2 }, admin)
      const both = await waitFor(
        async () => {
          const refunds = (await messagesOf(placed.id)).filter((m) => m.template_key === "order_refunded")
          return refunds.length === 2 && refunds.every((m) => m.status === "delivered") ? refunds : undefined
        },
        { what: "the second refund text" }
      )
      expect(both.map((m: any) => m.body.match(/€\d+\.\d{2}/)[0]).sort()).toEqual(["€2.00", "€5.00"])
    })

    it("obeys the admin's switch: an automation turned off sends nothing until it is turned on again", async () => {
      const off = await api.post("/admin/messaging/automations/order_placed", { enabled: false }, admin)
      expect(off.data.automation).toMatchObject({ key: "order_placed", enabled: false, template_key: "order_confirmation" })
      try {
        const placed = await order("switch@example.com", "06 55 66 77 88")
        await api.post(`/admin/orders/${placed.id}/cancel`, {}, admin)
        // the cancellation (later event, same path) arrives: the confirmation would have been created before it
        await delivered(placed.id, "order_canceled")
        expect((await messagesOf(placed.id)).map((m) => m.template_key)).toEqual(["order_canceled"])
      } finally {
        await api.post("/admin/messaging/automations/order_placed", { enabled: true }, admin)
      }
      const { data } = await api.get("/admin/messaging/automations", admin)
      expect(data.automations.find((a: any) => a.key === "order_placed").enabled).toBe(true)
      const bad = await api.post("/admin/messaging/automations/order_placed", { period_days: 3 }, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      const unknown = await api.post("/admin/messaging/automations/nope", { enabled: true }, admin).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
    })

    it("delays a text by the automation's delay", async () => {
      await api.post("/admin/messaging/automations/order_canceled", { delay_minutes: 30 }, admin)
      try {
        const placed = await order("later@example.com", "06 66 77 88 99")
        await delivered(placed.id, "order_confirmation")
        await api.post(`/admin/orders/${placed.id}/cancel`, {}, admin)
        const waiting = await waitFor(
          async () => (await messagesOf(placed.id)).find((m) => m.template_key === "order_canceled"),
          { what: "the delayed cancellation" }
        )
        expect(waiting.status).toBe("queued")
        const due = new Date(waiting.send_after).getTime() - new Date(waiting.created_at).getTime()
        expect(due).toBeGreaterThanOrEqual(29 * 60_000)
        expect(due).toBeLessThanOrEqual(31 * 60_000)
      } finally {
        await api.post("/admin/messaging/automations/order_canceled", { delay_minutes: 0 }, admin)
      }
    })
  },
})
