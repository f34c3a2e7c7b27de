import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendRefundMessageWorkflow } from "../workflows/messages/send-refund-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/** "We refunded …", once per refund. */
export default async function paymentRefundedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runAutomation(container, "order_refunded", `refund notice for payment ${event.data.id}`, (settings) =>
    sendRefundMessageWorkflow(container).run({
      input: { payment_id: event.data.id, template_key: settings.template_key, ...automationMessageInput(settings) },
    })
  )
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "sms-rcs-payment-refunded" },
}
