import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildCustomerMessageInput, CUSTOMER_MESSAGE_FIELDS, type CustomerForMessage } from "./utils/customer-message"
import { sendMessageWorkflow } from "./send-message"

export type SendCustomerMessageWorkflowInput = {
  customer_id: string
  template_key: string
  idempotency_key: string
  purpose?: "transactional" | "marketing"
  variables?: Record<string, unknown>
  delay_minutes?: number
  metadata?: Record<string, unknown> | null
}

/** A message to a customer's phone (welcome, win-back, your own customer events). */
export const sendCustomerMessageWorkflow = createWorkflow(
  "sms-rcs-send-customer-message",
  (input: SendCustomerMessageWorkflowInput) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: CUSTOMER_MESSAGE_FIELDS,
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "sms-rcs-get-customer" })
    const messageInput = transform({ customers, input }, ({ customers, input }) => {
      const { customer_id: _id, ...rest } = input
      return buildCustomerMessageInput(customers[0] as unknown as CustomerForMessage, rest)
    })
    const result = sendMessageWorkflow.runAsStep({ input: messageInput })
    return new WorkflowResponse(result)
  }
)
