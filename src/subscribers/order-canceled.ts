import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderMessageWorkflow } from "../workflows/messages/send-order-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/** The shopper is told when their order is canceled. */
export default async function orderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runAutomation(container, "order_canceled", `cancellation notice for ${event.data.id}`, (settings) =>
    sendOrderMessageWorkflow(container).run({
      input: { order_id: event.data.id, template_key: "order_canceled", idempotency_key: `order.canceled:${event.data.id}` , ...automationMessageInput(settings) },
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "sms-rcs-order-canceled" },
}
