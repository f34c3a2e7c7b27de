import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendReturnMessageWorkflow } from "../workflows/messages/send-return-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

type ReturnReceived = { order_id: string; return_id: string; no_notification?: boolean }

/** "We received your return", with the amount to refund; not with no_notification. */
export default async function returnReceivedHandler({ event, container }: SubscriberArgs<ReturnReceived>) {
  if (event.data.no_notification) return
  await runAutomation(container, "return_received", `return notice for ${event.data.return_id}`, (settings) =>
    sendReturnMessageWorkflow(container).run({
      input: {
        return_id: event.data.return_id,
        template_key: settings.template_key,
        idempotency_key: `order.return_received:${event.data.return_id}`,
        ...automationMessageInput(settings),
      },
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "sms-rcs-return-received" },
}
