import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminCountSegmentBodyType } from "../validators"

/**
 * POST /admin/messaging/segments/count { definition } — eligible recipients of a definition now
 * (marketing consent granted, not stopped), for the builder's live count before anything is saved.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCountSegmentBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json({ count: await messaging.campaigns.store.count(req.validatedBody.definition) })
}
