import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendFulfillmentMessageWorkflow } from "../workflows/messages/send-fulfillment-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

type FulfillmentCreated = { order_id: string; fulfillment_id: string; no_notification?: boolean }

/** "Your order is packed": the fulfillment exists, the shipment is to come; not with no_notification. */
export default async function fulfillmentCreatedHandler({ event, container }: SubscriberArgs<FulfillmentCreated>) {
  if (event.data.no_notification) return
  await runAutomation(container, "order_fulfilled", `fulfillment notice for ${event.data.fulfillment_id}`, (settings) =>
    sendFulfillmentMessageWorkflow(container).run({
      input: {
        fulfillment_id: event.data.fulfillment_id,
        template_key: settings.template_key,
        idempotency_key: `order.fulfillment_created:${event.data.fulfillment_id}`,
        ...automationMessageInput(settings),
      },
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "sms-rcs-fulfillment-created" },
}
