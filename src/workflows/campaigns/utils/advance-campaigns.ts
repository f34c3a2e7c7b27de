import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pickWinner, type AudienceDefinition, type VariantResult } from "../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { FEED_MAX } from "../../../modules/messaging/campaigns/campaign-control"
import type { CampaignRow } from "../../../modules/messaging/campaigns/types"
import { prepareVariants } from "./prepare-variants"

/** Recipients per fan-out page: one SELECT and one INSERT each. */
export const FAN_OUT_PAGE = 5_000

export type AdvanceOptions = {
  now?: Date
  /** Stop planning after this many ms, to leave the rest to the next run (the job's minute). */
  budgetMs?: number
  pageSize?: number
  /** Only this campaign (tests, the admin's "send now"). */
  campaign_id?: string
}

export type AdvanceRun = { started: string[]; planned: number; fed: number; winners: Record<string, string>; finished: string[] }

/**
 * One pass over the campaigns, as the scheduled job runs it every minute: start those due, plan their
 * pages within the time budget (feeding the queue as it goes, so sending starts at once), feed the
 * messages due in the next minutes, pick the winner of an A/B test whose time has come (then plan the
 * rest with it), and mark as sent those with nothing left. Each step is a conditional
 * UPDATE, so two processes running it at once cannot start, pick or finish a campaign twice.
 */
export async function advanceCampaigns(container: MedusaContainer, options: AdvanceOptions = {}): Promise<AdvanceRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const store = messaging.campaigns.store
  const now = options.now ? new Date(options.now) : new Date()
  const deadline = Date.now() + (options.budgetMs ?? 45_000)
  const run: AdvanceRun = { started: [], planned: 0, fed: 0, winners: {}, finished: [] }
  const only = (ids: string[]) => (options.campaign_id ? ids.filter((id) => id === options.campaign_id) : ids)
  const definitionOf = async (campaign: CampaignRow) =>
    (await messaging.retrieveAudience(campaign.segment_id)).definition as AudienceDefinition

  for (const id of only(await store.dueToStart(now))) {
    const campaign = await store.retrieve(id)
    if (campaign && (await store.start(campaign, await definitionOf(campaign), now))) run.started.push(id)
  }

  for (const id of only(await store.sending())) {
    try {
      let campaign = await store.retrieve(id)
      if (!campaign) continue
      const definition = await definitionOf(campaign)
      if (campaign.phase === "test" && campaign.fanned_out_at && campaign.ab_test) {
        const decideAt = new Date(campaign.fanned_out_at).getTime() + campaign.ab_test.decide_after_hours * 3_600_000
        if (now.getTime() < decideAt) continue
        const winner = await decideWinner(messaging, campaign)
        campaign = await store.startRest(id, winner, now)
        if (!campaign) continue
        run.winners[id] = winner
      }
      if (!campaign.fanned_out_at) {
        const { variants, context } = await prepareVariants(container, campaign)
        const planning = await messaging.campaigns.plan(
          campaign,
          definition,
          variants,
          context,
          options.pageSize ?? FAN_OUT_PAGE,
          // paused or canceled meanwhile, or out of time: stop planning now
          async () => Date.now() < deadline && (await store.retrieve(id))?.status === "sending",
          // the first pages go out while the rest is planned (the feed keeps to its per-run maximum)
          async () => {
            if (run.fed < FEED_MAX) run.fed += await messaging.campaigns.feed(id, now, FEED_MAX - run.fed)
          }
        )
        run.planned += planning.planned
        campaign = await store.retrieve(id)
      }
      if (campaign?.status === "sending") run.fed += await messaging.campaigns.feed(id, now)
      if (await messaging.campaigns.finishIfDone(id)) run.finished.push(id)
    } catch (error) {
      logger.error(`medusa-plugin-sms-rcs: campaign ${id} could not advance: ${(error as Error).message}`)
    }
  }
  return run
}

/** The test's results per variant, judged by the campaign's metric. */
async function decideWinner(messaging: MessagingModuleService, campaign: CampaignRow): Promise<string> {
  const { rows: results } = await campaignVariantResults(messaging, campaign)
  return pickWinner(
    campaign.variants.map((v) => v.id),
    results.map((r) => ({
      variant: String(r.variant),
      sent: r.sent,
      delivered: r.delivered,
      unique_clicks: r.unique_clicks,
      revenue: r.revenue,
    })) satisfies VariantResult[],
    campaign.ab_test!.metric
  )
}

/** Analytics of the campaign's messages per variant (sent, delivered, clicks, orders, revenue, ROI …). */
export async function campaignVariantResults(messaging: MessagingModuleService, campaign: Pick<CampaignRow, "id" | "created_at">) {
  return messaging.analytics({
    from: new Date(campaign.created_at),
    to: new Date(Date.now() + 60_000),
    group_by: ["variant"],
    campaign_id: campaign.id,
  })
}
