import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"

/** Every change to a cart restarts its idle clock for the abandoned-cart reminder. */
export default async function cartActivityHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await container.resolve<MessagingModuleService>(MESSAGING_MODULE).touchCart(event.data.id)
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: activity of cart ${event.data.id} not recorded: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_updated", "cart.region_updated"],
  context: { subscriberId: "sms-rcs-cart-activity" },
}
