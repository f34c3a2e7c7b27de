import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordBackInStockRequestStep, type RecordBackInStockRequestInput } from "./steps"

/** A shopper asks to be texted once when a variant is back in stock (the request is its consent). */
export const requestBackInStockWorkflow = createWorkflow("sms-rcs-request-back-in-stock", (input: RecordBackInStockRequestInput) => {
  return new WorkflowResponse(recordBackInStockRequestStep(input))
})
