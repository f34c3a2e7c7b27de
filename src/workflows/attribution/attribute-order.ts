import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attributeOrderStep } from "./steps/attribute-order"

/** Credits an order to the message touch that drove it (last touch inside the windows), or to none. */
export const attributeOrderWorkflow = createWorkflow("sms-rcs-attribute-order", (input: { order_id: string }) => {
  return new WorkflowResponse(attributeOrderStep(input))
})
