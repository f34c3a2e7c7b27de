import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scheduleCampaignStep, type ScheduleCampaignInput } from "./steps"

/** Schedules a draft campaign now or at a time in the store's zone. */
export const scheduleCampaignWorkflow = createWorkflow("sms-rcs-schedule-campaign", (input: ScheduleCampaignInput) => {
  return new WorkflowResponse(scheduleCampaignStep(input))
})
