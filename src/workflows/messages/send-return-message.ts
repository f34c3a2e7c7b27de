import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, type OrderForMessage } from "./utils/order-message"
import { sendMessageWorkflow } from "./send-message"

export type SendReturnMessageWorkflowInput = {
  return_id: string
  /** e.g. "return_received". */
  template_key: string
  /** e.g. "order.return_received:return_123". */
  idempotency_key: string
  delay_minutes?: number
  metadata?: Record<string, unknown> | null
}

type ReturnForMessage = { id: string; order_id?: string | null; refund_amount?: unknown; no_notification?: boolean | null }

/** A message about a return (received …) to the phone of its order, with the amount to refund. */
export const sendReturnMessageWorkflow = createWorkflow(
  "sms-rcs-send-return-message",
  (input: SendReturnMessageWorkflowInput) => {
    const { data: returns } = useQueryGraphStep({
      entity: "return",
      fields: ["id", "order_id", "refund_amount", "no_notification"],
      filters: { id: input.return_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-return" })

    const orderId = transform({ returns }, ({ returns }) => (returns[0] as unknown as ReturnForMessage).order_id!)
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_MESSAGE_FIELDS, "summary.pending_difference"],
      filters: { id: orderId },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-return-order" })

    const messageInput = transform({ returns, orders, input }, ({ returns, orders, input }) => {
      const ret = returns[0] as unknown as ReturnForMessage
      const order = orders[0] as unknown as OrderForMessage & { summary?: { pending_difference?: unknown } | null }
      // the return's own amount when the admin set one; else what the order now owes the shopper
      const owed = -Number(order.summary?.pending_difference ?? 0)
      const refund = Number(ret.refund_amount ?? 0) || Math.max(0, owed)
      return buildOrderMessageInput(order, {
        ...input,
        variables: { refund_amount: refund > 0 ? { amount: refund, currency_code: order.currency_code } : null },
      })
    })
    const result = sendMessageWorkflow.runAsStep({ input: messageInput })
    return new WorkflowResponse(result)
  }
)
