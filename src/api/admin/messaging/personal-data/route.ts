import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

/** GET /admin/messaging/personal-data?phone=…|customer_id=… — GDPR access: everything held, as a JSON download. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const data = await messaging.exportPersonalData(req.validatedQuery as { phone?: string; customer_id?: string })
  res.setHeader("content-disposition", `attachment; filename="sms-rcs-personal-data.json"`)
  res.json(data)
}
