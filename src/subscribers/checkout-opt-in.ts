import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordCheckoutOptInWorkflow } from "../workflows/consent/record-checkout-opt-in"

/** Records the SMS opt-in ticked at checkout, with its proof. Never throws into the event bus. */
export default async function checkoutOptInHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await recordCheckoutOptInWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: checkout opt-in of ${event.data.id} not recorded: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "sms-rcs-checkout-opt-in" },
}
