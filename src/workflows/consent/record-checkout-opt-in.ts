import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ORDER_MESSAGE_FIELDS } from "../messages/utils/order-message"
import { prepareCheckoutOptInStep } from "./steps"
import { storefrontOptInWorkflow } from "./storefront-opt-in"

/**
 * At `order.placed`: if the shopper ticked the SMS box at checkout (the cart's `sms_opt_in` metadata),
 * records the opt-in with its proof and the order as evidence — for marketing, as a double opt-in
 * request, confirmed when the shopper replies YES.
 */
export const recordCheckoutOptInWorkflow = createWorkflow("sms-rcs-record-checkout-opt-in", (input: { order_id: string }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: [...ORDER_MESSAGE_FIELDS, "metadata"],
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const order = transform({ orders }, ({ orders }) => orders[0] as any)
  const optIn = prepareCheckoutOptInStep(order)
  when({ optIn }, ({ optIn }) => optIn !== null).then(() => {
    storefrontOptInWorkflow.runAsStep({ input: transform({ optIn }, ({ optIn }) => optIn!) })
  })
  return new WorkflowResponse(optIn)
})
