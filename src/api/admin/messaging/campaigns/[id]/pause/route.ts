import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pauseCampaignWorkflow } from "../../../../../../workflows/campaigns"

/** POST /admin/messaging/campaigns/:id/pause — no new message of it is sent from now on. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await pauseCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: result })
}
