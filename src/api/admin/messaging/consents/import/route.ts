import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"

/**
 * POST /admin/messaging/consents/import `{ csv }` — existing subscribers with their proof. Good rows are
 * recorded together, bad rows reported: `{ import_id, imported, rejected: [{ line, reason }] }`; the import
 * (who, how many) is written to the audit log with them.
 */
export async function POST(req: AuthenticatedMedusaRequest<{ csv: string }>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const result = await messaging.importConsentCsv(req.validatedBody.csv, {
    actor_id: req.auth_context.actor_id ?? null,
    actor_type: req.auth_context.actor_type ?? null,
  })
  res.status(result.imported ? 201 : 400).json(result)
}
