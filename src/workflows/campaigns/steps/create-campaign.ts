import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { CampaignRow, CampaignVariant } from "../../../modules/messaging/campaigns/types"

export type CampaignInput = {
  name: string
  segment_id: string
  variants: CampaignVariant[]
  ab_test?: CampaignRow["ab_test"]
  throttle?: CampaignRow["throttle"]
  locale?: string | null
  holdout_percent?: number
  created_by?: string | null
}

/** Records a draft campaign after checking its segment exists; undone by deleting it. */
export const createCampaignStep = createStep(
  "sms-rcs-create-campaign",
  async (input: CampaignInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    await messaging.retrieveAudience(input.segment_id)
    const campaign = await messaging.createCampaigns({ ...input, status: "draft" } as any)
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MessagingModuleService>(MESSAGING_MODULE).deleteCampaigns(id)
  }
)
