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
    const fulfil = async (orderId: string, noNotification = false) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: 1 }))
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
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
      expect(data.messages.map((m: any) => m.template_key).sort()).toEqual(["order_confirmation", "order_delivered"])
    })

    it("tells the shopper when the order is canceled", async () => {
      const placed = await order("cancel@example.com", "+33 6 11 22 33 44")
      await delivered(placed.id, "order_confirmation")
      await api.post(`/admin/orders/${placed.id}/cancel`, {}, admin)
      const canceled = await delivered(placed.id, "order_canceled")
      expect(canceled.body).toMatch(new RegExp(`^Maison Demo: order #${placed.display_id} \\(€\\d+\\.\\d{2}\\) has been canceled\\.`))
    })
  },
})
