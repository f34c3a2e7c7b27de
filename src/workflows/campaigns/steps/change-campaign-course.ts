import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type CampaignCourse = "pause" | "resume" | "cancel"

/** Pause, resume or cancel; refused with the campaign's status when that move is not possible. */
export const changeCampaignCourseStep = createStep(
  "sms-rcs-change-campaign-course",
  async (input: { id: string; action: CampaignCourse }, { container }) => {
    const control = container.resolve<MessagingModuleService>(MESSAGING_MODULE).campaigns
    const row = await control[input.action](input.id)
    return new StepResponse(row)
  }
)
