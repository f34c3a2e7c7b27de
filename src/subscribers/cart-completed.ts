import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"

/** A cart that became an order is never reminded, whatever its later events say. */
export default async function cartCompletedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: event.data.id } })
    const cartId = (data[0] as { cart?: { id: string } | null } | undefined)?.cart?.id
    if (cartId) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).settleCarts([cartId], "completed")
    }
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: cart of order ${event.data.id} not marked completed: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-cart-completed" },
}
