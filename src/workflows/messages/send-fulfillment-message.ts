import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, type OrderForMessage } from "./utils/order-message"
import { sendMessageWorkflow } from "./send-message"

export type SendFulfillmentMessageWorkflowInput = {
  fulfillment_id: string
  /** e.g. "order_shipped", "order_delivered". */
  template_key: string
  /** e.g. "shipment.created:ful_123". */
  idempotency_key: string
  delay_minutes?: number
  metadata?: Record<string, unknown> | null
}

type FulfillmentForMessage = {
  id: string
  order?: { id: string } | null
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
}

/**
 * A message about a fulfillment (shipped, delivered) to the phone of its order, with the fulfillment's
 * tracking number and link when it has a label.
 */
export const sendFulfillmentMessageWorkflow = createWorkflow(
  "sms-rcs-send-fulfillment-message",
  (input: SendFulfillmentMessageWorkflowInput) => {
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: ["id", "order.id", "labels.tracking_number", "labels.tracking_url"],
      filters: { id: input.fulfillment_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-fulfillment" })

    const orderId = transform({ fulfillments }, ({ fulfillments }) => {
      const fulfillment = fulfillments[0] as unknown as FulfillmentForMessage
      if (!fulfillment.order?.id) {
        throw new Error(`Fulfillment ${fulfillment.id} belongs to no order`)
      }
      return fulfillment.order.id
    })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_MESSAGE_FIELDS,
      filters: { id: orderId },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-fulfillment-order" })

    const messageInput = transform({ fulfillments, orders, input }, ({ fulfillments, orders, input }) => {
      const label = (fulfillments[0] as unknown as FulfillmentForMessage).labels?.find((l) => l.tracking_number || l.tracking_url)
      return buildOrderMessageInput(orders[0] as unknown as OrderForMessage, {
        ...input,
        variables: { tracking_number: label?.tracking_number ?? null, tracking_url: label?.tracking_url ?? null },
      })
    })
    const result = sendMessageWorkflow.runAsStep({ input: messageInput })
    return new WorkflowResponse(result)
  }
)
