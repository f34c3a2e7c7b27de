import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-no-notification")
jest.setTimeout(240_000)

const REASON = `no_notification: the order was created with "don't notify the customer"`

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ store, admin } = await openStoreSession(api, getContainer()))
    })

    /** An order as the admin makes one: a draft order, converted; "don't notify the customer" when asked. */
    const draftOrder = async (email: string, phone: string, noNotification: boolean): Promise<string> => {
      const { data: options } = await api.get(`/admin/shipping-options?fields=id`, admin)
      const address = { first_name: "Camille", last_name: "Martin", address_1: "12 rue des Lilas", city: "Lyon", postal_code: "69001", country_code: "fr", phone }
      const { data } = await api.post(
        "/admin/draft-orders",
        {
          region_id: store.region_id,
          sales_channel_id: store.sales_channel_id,
          email,
          items: [{ variant_id: store.variant_id, quantity: 1 }],
          shipping_address: address,
          billing_address: address,
          shipping_methods: [{ name: "Standard", shipping_option_id: options.shipping_options[0].id, amount: 5 }],
          ...(noNotification ? { no_notification_order: true } : {}),
        },
        admin
      )
      const { data: converted } = await api.post(`/admin/draft-orders/${data.draft_order.id}/convert-to-order`, {}, admin)
      const { data: order } = await api.get(`/admin/orders/${converted.order.id}?fields=id,no_notification,is_draft_order`, admin)
      expect(order.order).toMatchObject({ no_notification: noNotification, is_draft_order: false })
      return converted.order.id
    }
    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}&limit=50`, admin)).data.messages as any[]
    const messageFor = (orderId: string, templateKey: string, statuses: string[]) =>
      waitFor(
        async () => (await messagesOf(orderId)).find((m) => m.template_key === templateKey && statuses.includes(m.status)),
        { what: `${templateKey} for ${orderId} (${statuses.join("/")})` }
      )
    const skipped = async (orderId: string, templateKey: string) => {
      const message = await messageFor(orderId, templateKey, ["skipped", "queued", "sent", "delivered"])
      expect({ template_key: message.template_key, status: message.status, status_reason: message.status_reason }).toEqual({
        template_key: templateKey,
        status: "skipped",
        status_reason: REASON,
      })
    }

    it("sends no automated text about an order created with no_notification, and still confirms the order next to it", async () => {
      const quiet = await draftOrder("quiet@example.com", "06 12 34 11 21", true)
      const loud = await draftOrder("loud@example.com", "06 12 34 11 22", false)

      // the order without the flag gets its confirmation; the one with it gets a skipped row saying why
      await messageFor(loud, "order_confirmation", ["delivered"])
      await skipped(quiet, "order_confirmation")

      // packed, shipped, delivered: each recorded skipped, none sent
      const { data } = await api.get(`/admin/orders/${quiet}?fields=items.id`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: 1 }))
      await api.post(`/admin/orders/${quiet}/fulfillments`, { items }, admin)
      await skipped(quiet, "order_fulfilled")
      const { data: fulfilled } = await api.get(`/admin/orders/${quiet}?fields=fulfillments.id`, admin)
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await api.post(`/admin/orders/${quiet}/fulfillments/${fulfillmentId}/shipments`, { items, labels: [{ tracking_number: "6A1", tracking_url: "https://suivi.example.com/6A1", label_url: "https://labels.example.com/1.pdf" }] }, admin)
      await skipped(quiet, "order_shipped")
      await api.post(`/admin/orders/${quiet}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      await skipped(quiet, "order_delivered")

      // a refund: paid by the admin (mark as paid), then refunded
      const { data: paid } = await api.get(`/admin/orders/${quiet}?fields=total,payment_collections.id,payment_collections.status`, admin)
      let collectionId = paid.order.payment_collections?.[0]?.id
      if (!collectionId) {
        collectionId = (await api.post("/admin/payment-collections", { order_id: quiet, amount: paid.order.total }, admin)).data.payment_collection.id
      }
      await api.post(`/admin/payment-collections/${collectionId}/mark-as-paid`, { order_id: quiet }, admin)
      const { data: payments } = await api.get(`/admin/orders/${quiet}?fields=payment_collections.payments.id`, admin)
      const paymentId = payments.order.payment_collections.flatMap((c: any) => c.payments)[0].id
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 1 }, admin)
      await skipped(quiet, "order_refunded")

      expect((await messagesOf(quiet)).filter((m) => m.status !== "skipped")).toEqual([])
    })

    it("records the cancellation of an order created with no_notification as skipped", async () => {
      const quiet = await draftOrder("quiet-cancel@example.com", "06 12 34 11 23", true)
      await skipped(quiet, "order_confirmation")
      await api.post(`/admin/orders/${quiet}/cancel`, {}, admin)
      await skipped(quiet, "order_canceled")
    })
  },
})
