import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendFulfillmentMessageWorkflow } from "../workflows/messages/send-fulfillment-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/** "Your order is on its way", with the tracking number and link; not when the admin asked for no notification. */
export default async function shipmentCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  await runAutomation(container, "order_shipped", `shipping notice for fulfillment ${event.data.id}`, (settings) =>
    sendFulfillmentMessageWorkflow(container).run({
      input: { fulfillment_id: event.data.id, template_key: "order_shipped", idempotency_key: `shipment.created:${event.data.id}` , ...automationMessageInput(settings) },
    })
  )
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "sms-rcs-shipment-created" },
}
