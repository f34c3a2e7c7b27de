import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { AdminListAuditLogParamsType } from "./validators"

/**
 * GET /admin/messaging/audit-log — who erased personal data, imported or recorded consent, or exported a
 * person's data, and when: `{ entries: [{ id, actor_id, actor_type, action, subject, summary,
 * occurred_at }], count, limit, offset }`, newest first.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  res.json(await messaging.listAuditLog(req.validatedQuery as AdminListAuditLogParamsType))
}
