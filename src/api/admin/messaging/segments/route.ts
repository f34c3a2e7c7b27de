import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { AdminCreateSegmentBodyType } from "./validators"

/** GET /admin/messaging/segments — every segment, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const segments = await messaging.listAudiences({}, { order: { created_at: "DESC" }, take: 200 })
  res.json({ segments })
}

/** POST /admin/messaging/segments — saves a segment (its definition checked) with its count now. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateSegmentBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const body = req.validatedBody
  const count = await messaging.campaigns.store.count(body.definition)
  const segment = await messaging.createAudiences({ ...body, last_count: count, counted_at: new Date() } as any)
  res.status(201).json({ segment })
}
