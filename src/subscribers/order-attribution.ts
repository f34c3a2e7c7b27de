import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attributeOrderWorkflow } from "../workflows/attribution/attribute-order"

/** Every new order is credited to the message that drove it, if one did. */
export default async function orderAttributionHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await attributeOrderWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: order ${event.data.id} not attributed: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-order-attribution" },
}
