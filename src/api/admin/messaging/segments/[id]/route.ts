import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AudienceDefinition } from "../../../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminUpdateSegmentBodyType } from "../validators"

/** GET /admin/messaging/segments/:id — the segment and its eligible recipients now. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const segment = await messaging.retrieveAudience(req.params.id)
  const count = await messaging.campaigns.store.count(segment.definition as AudienceDefinition)
  res.json({ segment, count })
}

/** POST /admin/messaging/segments/:id — changes its name, description or rules. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateSegmentBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  await messaging.retrieveAudience(req.params.id)
  const body = req.validatedBody
  const counted = body.definition ? { last_count: await messaging.campaigns.store.count(body.definition), counted_at: new Date() } : {}
  const segment = await messaging.updateAudiences({ id: req.params.id, ...body, ...counted } as any)
  res.json({ segment })
}

/** DELETE /admin/messaging/segments/:id */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  await messaging.retrieveAudience(req.params.id)
  await messaging.softDeleteAudiences(req.params.id)
  res.json({ id: req.params.id, object: "segment", deleted: true })
}
