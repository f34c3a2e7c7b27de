import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * GET /admin/messaging/providers — the gateways in use (SMS, RCS), what each can do, the webhook URLs
 * to paste into their consoles and the RCS settings. Never a credential.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json(messaging.providerOverview())
}
