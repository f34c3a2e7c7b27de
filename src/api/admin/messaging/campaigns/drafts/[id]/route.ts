import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isEditable, splitProblems } from "../../../../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"
import { parseOrRefuse, refuse } from "../../problems"
import { AdminUpdateCampaignDraftBody } from "../../validators"
import { updateCampaignDraftWorkflow } from "../../../../../../workflows/campaigns"

/**
 * POST /admin/messaging/campaigns/drafts/:id { name?, segment?: { name, definition }, variants?, … } —
 * the builder's "Save changes" of a draft or scheduled campaign and its segment: everything is checked
 * before anything is written (a 400 lists each problem with its path and code), so a refused edit changes
 * neither the campaign nor its segment. A segment another campaign also uses is not rewritten: the edits
 * go to a new segment for this campaign (the answer's `segment`), see updateCampaignDraftWorkflow.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOrRefuse(AdminUpdateCampaignDraftBody, req.body, res)
  if (!body) return
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const campaign = await messaging.campaigns.store.retrieve(req.params.id)
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id: ${req.params.id} was not found`)
  if (!isEditable(campaign.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign ${campaign.id} is ${campaign.status}: only drafts and scheduled campaigns change`)
  }
  // a new A/B test with the old variants (or the reverse) must still make a valid split
  const split = splitProblems(body.variants ?? campaign.variants, body.ab_test === undefined ? campaign.ab_test : body.ab_test ?? null)
  if (split.length) {
    refuse(res, split.map((message) => ({ path: message.split(":")[0], code: "custom", message })))
    return
  }
  const { segment, ...fields } = body
  const { result } = await updateCampaignDraftWorkflow(req.scope).run({
    input: { id: campaign.id, segment_id: campaign.segment_id, segment, fields },
  })
  res.json({ campaign: result.campaign, ...(result.segment ? { segment: result.segment } : {}) })
}
