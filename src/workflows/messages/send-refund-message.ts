import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, type OrderForMessage } from "./utils/order-message"
import { sendMessageWorkflow } from "./send-message"

export type SendRefundMessageWorkflowInput = {
  payment_id: string
  template_key: string
  delay_minutes?: number
  metadata?: Record<string, unknown> | null
}

type PaymentForMessage = {
  id: string
  currency_code: string
  refunds?: { id: string; amount: unknown; created_at: string | Date }[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * "We refunded …" for the newest refund of a payment (`payment.refunded` names the payment, not the
 * refund): one message per refund, so two partial refunds make two texts and a replayed event none.
 */
export const sendRefundMessageWorkflow = createWorkflow(
  "sms-rcs-send-refund-message",
  (input: SendRefundMessageWorkflowInput) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: ["id", "currency_code", "refunds.id", "refunds.amount", "refunds.created_at", "payment_collection.order.id"],
      filters: { id: input.payment_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-payment" })

    const orderId = transform({ payments }, ({ payments }) => {
      const payment = payments[0] as unknown as PaymentForMessage
      const id = payment.payment_collection?.order?.id
      if (!id) {
        throw new Error(`Payment ${payment.id} belongs to no order`)
      }
      return id
    })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_MESSAGE_FIELDS,
      filters: { id: orderId },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-refund-order" })

    const messageInput = transform({ payments, orders, input }, ({ payments, orders, input }) => {
      const payment = payments[0] as unknown as PaymentForMessage
      const refund = [...(payment.refunds ?? [])].sort(
        (a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
      )[0]
      if (!refund) {
        throw new Error(`Payment ${payment.id} has no refund`)
      }
      return buildOrderMessageInput(orders[0] as unknown as OrderForMessage, {
        ...input,
        idempotency_key: `payment.refunded:${refund.id}`,
        variables: { refund_amount: { amount: Number(refund.amount), currency_code: payment.currency_code } },
      })
    })
    const result = sendMessageWorkflow.runAsStep({ input: messageInput })
    return new WorkflowResponse(result)
  }
)
