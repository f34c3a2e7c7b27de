import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderMessageWorkflow } from "../workflows/messages/send-order-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/** Order confirmation by SMS. */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runAutomation(container, "order_placed", `order confirmation for ${event.data.id}`, (settings) =>
    sendOrderMessageWorkflow(container).run({
      input: { order_id: event.data.id, template_key: "order_confirmation", idempotency_key: `order.placed:${event.data.id}` , ...automationMessageInput(settings) },
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-order-placed" },
}
