import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, type OrderForMessage } from "./utils/order-message"
import { sendMessageWorkflow } from "./send-message"

export type SendOrderMessageWorkflowInput = {
  order_id: string
  /** e.g. "order_confirmation". */
  template_key: string
  /** e.g. "order.placed:order_123". */
  idempotency_key: string
  /** Variables of the event on top of the order's own (a tracking number …). */
  variables?: Record<string, unknown>
  /** Minutes to wait before sending (the automation's delay). */
  delay_minutes?: number
  /** Kept with the message, e.g. `{ automation: "order_placed" }`. */
  metadata?: Record<string, unknown> | null
}

/** Sends a message about an order (confirmation, shipping, …) to the phone found on it. */
export const sendOrderMessageWorkflow = createWorkflow(
  "sms-rcs-send-order-message",
  (input: SendOrderMessageWorkflowInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_MESSAGE_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const messageInput = transform({ orders, input }, ({ orders, input }) =>
      buildOrderMessageInput(orders[0] as unknown as OrderForMessage, input)
    )
    const result = sendMessageWorkflow.runAsStep({ input: messageInput })
    return new WorkflowResponse(result)
  }
)
