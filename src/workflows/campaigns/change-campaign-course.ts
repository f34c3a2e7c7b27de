import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { changeCampaignCourseStep } from "./steps"

/** Pauses a campaign: no new message of it is sent from now on. */
export const pauseCampaignWorkflow = createWorkflow("sms-rcs-pause-campaign", (input: { id: string }) => {
  return new WorkflowResponse(changeCampaignCourseStep({ id: input.id, action: "pause" }))
})

/** Resumes a paused campaign where it stopped, without sending anyone a message twice. */
export const resumeCampaignWorkflow = createWorkflow("sms-rcs-resume-campaign", (input: { id: string }) => {
  return new WorkflowResponse(changeCampaignCourseStep({ id: input.id, action: "resume" }))
})

/** Cancels a campaign: what was not sent yet is skipped. */
export const cancelCampaignWorkflow = createWorkflow("sms-rcs-cancel-campaign", (input: { id: string }) => {
  return new WorkflowResponse(changeCampaignCourseStep({ id: input.id, action: "cancel" }))
})
