import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { presentFaq } from "./present"
import type { AdminFaqBodyType } from "./validators"

/** GET /admin/messaging/faq — the store's automatic answers (shipped defaults included), by locale. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const entries = await messaging.listFaqEntries({}, { order: { locale: "ASC", created_at: "ASC" }, take: 500 })
  res.json({ entries: entries.map(presentFaq) })
}

/** POST /admin/messaging/faq — a new automatic answer. */
export async function POST(req: AuthenticatedMedusaRequest<AdminFaqBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const entry = await messaging.createFaqEntries({ ...req.validatedBody, default_key: null })
  res.status(201).json({ entry: presentFaq(entry) })
}
