import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/**
 * GET /admin/messaging/automations — every automation, its trigger, template and settings as they apply now,
 * and what it sent: `sent_last_30_days` and `last_sent_at` (ISO, UTC; the page shows it in the store's zone).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json({ automations: await messaging.listAutomationsWithActivity() })
}
