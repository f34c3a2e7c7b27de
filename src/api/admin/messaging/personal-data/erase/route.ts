import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"

/** POST /admin/messaging/personal-data/erase — GDPR erasure; answers what was erased. */
export async function POST(req: MedusaRequest<{ phone?: string; customer_id?: string }>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const erased = await messaging.erasePersonalData(req.validatedBody)
  res.json({ erased })
}
