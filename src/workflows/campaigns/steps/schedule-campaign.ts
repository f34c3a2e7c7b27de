import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { atLocalTime } from "../../../lib/sending-rules"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { prepareVariants } from "../utils/prepare-variants"

export type ScheduleCampaignInput = { id: string; at?: string; time_zone?: string }

/**
 * Schedules a draft: now, or at a wall-clock time in the store's zone (`defaultTimeZone`) or the one
 * given. The texts are resolved once here so a variant without text is refused before anything starts.
 * Each recipient is still held by their own quiet hours when the message goes out.
 */
export const scheduleCampaignStep = createStep(
  "sms-rcs-schedule-campaign",
  async (input: ScheduleCampaignInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const campaign = await messaging.campaigns.store.retrieve(input.id)
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id: ${input.id} was not found`)
    }
    await prepareVariants(container, campaign)
    const zone = input.time_zone ?? messaging.getOptions().defaultTimeZone
    let at = new Date()
    if (input.at) {
      const [y, mo, d, h, mi] = input.at.split(/[-T:]/).map(Number)
      at = atLocalTime(y, mo, d, h, mi, zone)
    }
    const row = await messaging.campaigns.store.move(input.id, "scheduled", { scheduled_at: at, time_zone: zone })
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign ${input.id} is ${campaign.status} and cannot be scheduled`)
    }
    return new StepResponse(row, input.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MessagingModuleService>(MESSAGING_MODULE).campaigns.store.move(id, "draft", { scheduled_at: null })
  }
)
