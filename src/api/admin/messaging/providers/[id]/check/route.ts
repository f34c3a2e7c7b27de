import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"

/**
 * POST /admin/messaging/providers/:id/check — asks the provider whether it accepts our credentials
 * (Twilio: the account; RBM: the service account's token). Nothing is sent to anyone.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json({ health: await messaging.checkProviderHealth(req.params.id) })
}
