import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignStep, type CampaignInput } from "./steps"

/** Creates a draft campaign for a segment, with its variants, A/B test and throttle. */
export const createCampaignWorkflow = createWorkflow("sms-rcs-create-campaign", (input: CampaignInput) => {
  return new WorkflowResponse(createCampaignStep(input))
})
