import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { campaignVariantResults } from "../../../../../workflows/campaigns/utils/advance-campaigns"
import { estimateCampaign } from "../../../../../workflows/campaigns/utils/estimate-campaign"
import { isEditable, splitProblems } from "../../../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminUpdateCampaignBodyType } from "../validators"

const retrieve = async (messaging: MessagingModuleService, id: string) => {
  const campaign = await messaging.campaigns.store.retrieve(id)
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id: ${id} was not found`)
  return campaign
}

/**
 * GET /admin/messaging/campaigns/:id — the campaign with its live progress (messages per status), its
 * results per variant (the analytics' metrics; revenue in `currency`, cost in `cost_currency`) and, before it starts, its estimate (recipients,
 * segments, cost).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  let campaign = await retrieve(messaging, req.params.id)
  // the page polls while it sends: it completes the campaign as soon as the last message has gone
  if (campaign.status === "sending") campaign = (await messaging.campaigns.finishIfDone(campaign.id)) ?? campaign
  const [progress, report, estimate] = await Promise.all([
    messaging.campaigns.store.progress(campaign.id),
    campaignVariantResults(messaging, campaign),
    isEditable(campaign.status) ? estimateCampaign(req.scope, campaign) : Promise.resolve(null),
  ])
  res.json({
    campaign,
    progress,
    results: report.rows,
    currency: report.currency,
    cost_currency: report.cost_currency,
    estimate,
    // the zone a schedule's wall-clock time is read in unless another is given
    store_time_zone: messaging.getOptions().defaultTimeZone,
  })
}

/** POST /admin/messaging/campaigns/:id — edits a draft or scheduled campaign (not one that started). */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCampaignBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const campaign = await retrieve(messaging, req.params.id)
  if (!isEditable(campaign.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign ${campaign.id} is ${campaign.status}: only drafts and scheduled campaigns change`)
  }
  const body = req.validatedBody
  // a new A/B test with the old variants (or the reverse) must still make a valid split
  const problems = splitProblems(body.variants ?? campaign.variants, body.ab_test === undefined ? campaign.ab_test : body.ab_test ?? null)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  if (body.segment_id) await messaging.retrieveAudience(body.segment_id)
  const updated = await messaging.updateCampaigns({ id: campaign.id, ...body } as any)
  res.json({ campaign: updated })
}

/**
 * DELETE /admin/messaging/campaigns/:id — deletes a draft (it has sent nothing) and its segment when no
 * other campaign uses it. A campaign that was scheduled or started is canceled instead, and kept for its
 * results.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const campaign = await retrieve(messaging, req.params.id)
  if (campaign.status !== "draft") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Campaign ${campaign.id} is ${campaign.status}: only a draft is deleted; cancel it instead (POST /admin/messaging/campaigns/${campaign.id}/cancel)`
    )
  }
  await messaging.softDeleteCampaigns(campaign.id)
  const others = await messaging.listCampaigns({ segment_id: campaign.segment_id }, { take: 1 })
  if (!others.length) await messaging.softDeleteAudiences(campaign.segment_id)
  res.json({ id: campaign.id, object: "campaign", deleted: true })
}
