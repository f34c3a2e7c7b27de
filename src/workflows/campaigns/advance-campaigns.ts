import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { advanceCampaignsStep } from "./steps"
import type { AdvanceOptions } from "./utils/advance-campaigns"

/** One pass of the campaign job (start, fan out, pick winners, finish); run by the job every minute. */
export const advanceCampaignsWorkflow = createWorkflow("sms-rcs-advance-campaigns", (input: AdvanceOptions) => {
  return new WorkflowResponse(advanceCampaignsStep(input))
})
