import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scheduleCampaignWorkflow } from "../../../../../../workflows/campaigns"
import type { AdminScheduleCampaignBodyType } from "../../validators"

/**
 * POST /admin/messaging/campaigns/:id/schedule { at?: "2026-12-01T10:00", time_zone? } — now, or at that
 * wall-clock time in the store's zone (`defaultTimeZone`) or the one given. The job starts it within a minute.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminScheduleCampaignBodyType>, res: MedusaResponse) {
  const { result } = await scheduleCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ campaign: result })
}
