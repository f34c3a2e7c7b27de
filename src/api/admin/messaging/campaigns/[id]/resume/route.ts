import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumeCampaignWorkflow } from "../../../../../../workflows/campaigns"

/** POST /admin/messaging/campaigns/:id/resume — continues where it stopped, nobody texted twice. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resumeCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ campaign: result })
}
