import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordProductViewStep, type RecordProductViewInput } from "./steps"

/** A known shopper looked at a product (for the browse-abandonment text). */
export const recordProductViewWorkflow = createWorkflow("sms-rcs-record-product-view", (input: RecordProductViewInput) => {
  return new WorkflowResponse(recordProductViewStep(input))
})
