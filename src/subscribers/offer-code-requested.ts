import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OFFER_CODE_REQUESTED_EVENT } from "../lib/offers/offer-code"
import { issueOfferCodeWorkflow } from "../workflows/offers/issue-offer-code"

/**
 * The worker holds a message that passed its checks and waits for its offer code: the code is created
 * (through the Promotion module's workflow) and the message queued again. A failure leaves the message
 * queued: the sweeper hands it to the worker again, which asks again.
 */
export default async function offerCodeRequestedHandler({ event, container }: SubscriberArgs<{ message_id: string }>) {
  try {
    await issueOfferCodeWorkflow(container).run({ input: { message_id: event.data.message_id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: offer code for message ${event.data.message_id} not issued: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: OFFER_CODE_REQUESTED_EVENT,
  context: { subscriberId: "sms-rcs-offer-code-requested" },
}
