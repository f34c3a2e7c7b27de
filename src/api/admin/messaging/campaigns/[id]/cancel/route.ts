import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelCampaignWorkflow } from "../../../../../../workflows/campaigns"

/** POST /admin/messaging/campaigns/:id/cancel — what was not sent yet is skipped. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await cancelCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: result })
}
