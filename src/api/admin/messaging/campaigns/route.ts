import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { createCampaignWorkflow } from "../../../../workflows/campaigns"
import type { AdminCreateCampaignBodyType, AdminListCampaignsParamsType } from "./validators"

/** GET /admin/messaging/campaigns — newest first, filtered by `status`. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const q = req.validatedQuery as unknown as AdminListCampaignsParamsType
  const [campaigns, count] = await messaging.listAndCountCampaigns(q.status ? { status: q.status } : {}, {
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ campaigns, count, limit: q.limit, offset: q.offset })
}

/** POST /admin/messaging/campaigns — a draft campaign (schedule it with …/:id/schedule). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateCampaignBodyType>, res: MedusaResponse) {
  const { result } = await createCampaignWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id } as any,
  })
  res.status(201).json({ campaign: result })
}
