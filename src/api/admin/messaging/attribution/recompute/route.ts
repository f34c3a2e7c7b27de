import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recomputeAttributions } from "../../../../../workflows/attribution/recompute-attributions"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminRecomputeAttributionBodyType } from "../validators"

/**
 * POST /admin/messaging/attribution/recompute { from, to?, only_missing? } — after the windows changed, the
 * orders placed in the period are credited again with the windows in force (`only_missing`: only those with
 * no attribution row, as the repair job does); answers how many were looked at and how many are now attributed.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRecomputeAttributionBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { from, to = new Date(), only_missing } = req.validatedBody
  const { orders, attributed } = await recomputeAttributions(req.scope, { from, to, onlyMissing: only_missing })
  res.json({ orders, attributed, windows: messaging.attributionWindows() })
}
