import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { advanceCampaigns, type AdvanceOptions } from "../utils/advance-campaigns"

/** Starts due campaigns, plans their next pages, picks A/B winners and finishes what is done. */
export const advanceCampaignsStep = createStep(
  "sms-rcs-advance-campaigns",
  async (input: AdvanceOptions, { container }) => new StepResponse(await advanceCampaigns(container, input))
)
