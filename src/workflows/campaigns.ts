import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AdvanceOptions } from "../campaigns/advance-campaigns"
import {
  advanceCampaignsStep,
  changeCampaignCourseStep,
  createCampaignStep,
  scheduleCampaignStep,
  type CampaignInput,
  type ScheduleCampaignInput,
} from "./steps/campaigns"

/** Creates a draft campaign for a segment, with its variants, A/B test and throttle. */
export const createCampaignWorkflow = createWorkflow("sms-rcs-create-campaign", (input: CampaignInput) => {
  return new WorkflowResponse(createCampaignStep(input))
})

/** Schedules a draft campaign now or at a time in the store's zone. */
export const scheduleCampaignWorkflow = createWorkflow("sms-rcs-schedule-campaign", (input: ScheduleCampaignInput) => {
  return new WorkflowResponse(scheduleCampaignStep(input))
})

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

/** One pass of the campaign job (start, fan out, pick winners, finish); run by the job every minute. */
export const advanceCampaignsWorkflow = createWorkflow("sms-rcs-advance-campaigns", (input: AdvanceOptions) => {
  return new WorkflowResponse(advanceCampaignsStep(input))
})
