import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderMessageWorkflow } from "../workflows/send-order-message"
import { runAutomation } from "../automations/run-automation"

/** Order confirmation by SMS. */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runAutomation(container, "order_placed", `order confirmation for ${event.data.id}`, () =>
    sendOrderMessageWorkflow(container).run({
      input: { order_id: event.data.id, template_key: "order_confirmation", idempotency_key: `order.placed:${event.data.id}` },
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-order-placed" },
}
