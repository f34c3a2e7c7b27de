import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"
import { sendOrderMessageWorkflow } from "../workflows/send-order-message"

/** Order confirmation by SMS. A failure is logged, never thrown back into Medusa's event bus. */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  if (!messaging.getOptions().automations.order_placed.enabled) {
    return
  }
  try {
    await sendOrderMessageWorkflow(container).run({
      input: {
        order_id: event.data.id,
        template_key: "order_confirmation",
        idempotency_key: `order.placed:${event.data.id}`,
      },
    })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: order confirmation for ${event.data.id} not sent: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-order-placed" },
}
