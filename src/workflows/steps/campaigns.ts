import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { advanceCampaigns, type AdvanceOptions } from "../../campaigns/advance-campaigns"
import { prepareVariants } from "../../campaigns/prepare-variants"
import { atLocalTime } from "../../lib/sending-rules"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import type { CampaignRow, CampaignVariant } from "../../modules/messaging/campaigns/types"

export type CampaignInput = {
  name: string
  segment_id: string
  variants: CampaignVariant[]
  ab_test?: CampaignRow["ab_test"]
  throttle?: CampaignRow["throttle"]
  locale?: string | null
  created_by?: string | null
}

const messagingOf = (container: { resolve<T>(key: string): T }) => container.resolve<MessagingModuleService>(MESSAGING_MODULE)

/** Records a draft campaign after checking its segment exists; undone by deleting it. */
export const createCampaignStep = createStep(
  "sms-rcs-create-campaign",
  async (input: CampaignInput, { container }) => {
    const messaging = messagingOf(container)
    await messaging.retrieveAudience(input.segment_id)
    const campaign = await messaging.createCampaigns({ ...input, status: "draft" } as any)
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (id) await messagingOf(container).deleteCampaigns(id)
  }
)

export type ScheduleCampaignInput = { id: string; at?: string; time_zone?: string }

/**
 * Schedules a draft: now, or at a wall-clock time in the store's zone (`defaultTimeZone`) or the one
 * given. The texts are resolved once here so a variant without text is refused before anything starts.
 * Each recipient is still held by their own quiet hours when the message goes out.
 */
export const scheduleCampaignStep = createStep(
  "sms-rcs-schedule-campaign",
  async (input: ScheduleCampaignInput, { container }) => {
    const messaging = messagingOf(container)
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
    if (id) await messagingOf(container).campaigns.store.move(id, "draft", { scheduled_at: null })
  }
)

export type CampaignCourse = "pause" | "resume" | "cancel"

/** Pause, resume or cancel; refused with the campaign's status when that move is not possible. */
export const changeCampaignCourseStep = createStep(
  "sms-rcs-change-campaign-course",
  async (input: { id: string; action: CampaignCourse }, { container }) => {
    const control = messagingOf(container).campaigns
    const row = await control[input.action](input.id)
    return new StepResponse(row)
  }
)

/** Starts due campaigns, plans their next pages, picks A/B winners and finishes what is done. */
export const advanceCampaignsStep = createStep(
  "sms-rcs-advance-campaigns",
  async (input: AdvanceOptions, { container }) => new StepResponse(await advanceCampaigns(container, input))
)
