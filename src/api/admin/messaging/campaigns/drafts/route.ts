import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveCampaignDraftWorkflow } from "../../../../../workflows/campaigns"
import { parseOrRefuse } from "../problems"
import { AdminSaveCampaignDraftBody } from "../validators"

/**
 * POST /admin/messaging/campaigns/drafts { name, segment: { name, definition }, variants, ab_test?,
 * throttle?, locale? } — the admin's "Save draft": the whole body is checked first (a 400 lists each
 * problem with its path and code), then the segment and the campaign are created in one workflow that
 * deletes the segment again if the campaign fails.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseOrRefuse(AdminSaveCampaignDraftBody, req.body, res)
  if (!body) return
  const { result } = await saveCampaignDraftWorkflow(req.scope).run({
    input: { ...body, created_by: req.auth_context.actor_id } as any,
  })
  res.status(201).json(result)
}
