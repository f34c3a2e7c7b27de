import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * GET /admin/messaging/overview — the state of the store's messaging for the Messaging page: texts sent
 * today and this month, failures of the last 24 h by reason, opt-outs this week, spend this month, the next
 * scheduled campaign and each provider's health (tracking/overview.ts), in the store's time zone.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json({ overview: await messaging.messagingOverview() })
}
