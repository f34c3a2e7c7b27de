import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendFulfillmentMessageWorkflow } from "../workflows/messages/send-fulfillment-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/** "Your order has been delivered"; not when the admin asked for no notification. */
export default async function deliveryCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  await runAutomation(container, "order_delivered", `delivery notice for fulfillment ${event.data.id}`, (settings) =>
    sendFulfillmentMessageWorkflow(container).run({
      input: { fulfillment_id: event.data.id, template_key: "order_delivered", idempotency_key: `delivery.created:${event.data.id}` , ...automationMessageInput(settings) },
    })
  )
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "sms-rcs-delivery-created" },
}
