import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * GET /admin/messaging/settings — what every plugin page needs to show the store as its owner sees it:
 * the store's time zone (`defaultTimeZone`), in which the pages show campaign, message and analytics times.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json({ time_zone: messaging.getOptions().defaultTimeZone })
}
