import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { buildCartMessageInput, CART_MESSAGE_FIELDS, type CartForMessage } from "./utils/cart-message"
import { sendMessageWorkflow } from "./send-message"

export type SendCartMessageWorkflowInput = {
  cart_id: string
  template_key: string
  idempotency_key: string
  purpose?: "transactional" | "marketing"
  /** The link back to the cart (see the `cartRecoveryUrl` option). */
  recovery_url?: string | null
  variables?: Record<string, unknown>
  delay_minutes?: number
  metadata?: Record<string, unknown> | null
}

/** A message about a cart (abandoned-cart reminder, your own cart events) to the phone found on it. */
export const sendCartMessageWorkflow = createWorkflow("sms-rcs-send-cart-message", (input: SendCartMessageWorkflowInput) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: CART_MESSAGE_FIELDS,
    filters: { id: input.cart_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "sms-rcs-get-cart" })
  const messageInput = transform({ carts, input }, ({ carts, input }) => {
    const { cart_id: _id, ...rest } = input
    return buildCartMessageInput(carts[0] as unknown as CartForMessage, rest)
  })
  const result = sendMessageWorkflow.runAsStep({ input: messageInput })
  return new WorkflowResponse(result)
})
