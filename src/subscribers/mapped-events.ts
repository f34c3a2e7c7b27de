import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eventMappings, mappedIdempotencyKey, mappedResourceId } from "../lib/event-mappings"
import { sendCartMessageWorkflow } from "../workflows/messages/send-cart-message"
import { sendCustomerMessageWorkflow } from "../workflows/messages/send-customer-message"
import { sendOrderMessageWorkflow } from "../workflows/messages/send-order-message"

/**
 * The events a store maps to templates in the plugin's `events` option (see README, "Your own
 * events"): the event's order, customer or cart gives the phone, name and locale; its data is
 * `{{event.*}}` in the template.
 */
export default async function mappedEventHandler({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const mapping = eventMappings()[event.name]
  if (!mapping || event.data?.no_notification === true) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const id = mappedResourceId(mapping, event.data ?? {})
  if (!id) {
    logger.error(`medusa-plugin-sms-rcs: ${event.name} carries no ${mapping.resource} id; nothing sent`)
    return
  }
  const common = {
    template_key: mapping.template,
    idempotency_key: mappedIdempotencyKey(event.name, event.data ?? {}),
    variables: { event: event.data },
    delay_minutes: mapping.delayMinutes,
    metadata: { event: event.name },
  }
  try {
    if (mapping.resource === "order") {
      await sendOrderMessageWorkflow(container).run({ input: { ...common, order_id: id } })
    } else if (mapping.resource === "customer") {
      await sendCustomerMessageWorkflow(container).run({ input: { ...common, customer_id: id, purpose: mapping.purpose } })
    } else {
      await sendCartMessageWorkflow(container).run({ input: { ...common, cart_id: id, purpose: mapping.purpose } })
    }
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: ${mapping.template} for ${event.name} not sent: ${(error as Error).message}`)
  }
}

// Read when Medusa loads this file, after the plugin's options were validated (see event-mappings.ts).
export const config: SubscriberConfig = {
  event: Object.keys(eventMappings()),
  context: { subscriberId: "sms-rcs-mapped-events" },
}
