import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type UpdateCampaignInput = { id: string } & Record<string, unknown>

/** Writes a campaign's edited fields; undone by writing back what they were. */
export const updateCampaignStep = createStep(
  "sms-rcs-update-campaign",
  async ({ id, ...fields }: UpdateCampaignInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const before = (await messaging.campaigns.store.retrieve(id)) as unknown as Record<string, unknown>
    const restore = Object.fromEntries(Object.keys(fields).map((key) => [key, before?.[key] ?? null]))
    const campaign = Object.keys(fields).length ? await messaging.updateCampaigns({ id, ...fields } as any) : before
    return new StepResponse(campaign, { id, ...restore })
  },
  async (restore, { container }) => {
    if (restore && Object.keys(restore).length > 1) {
      await container.resolve<MessagingModuleService>(MESSAGING_MODULE).updateCampaigns(restore as any)
    }
  }
)
