import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"

/** DELETE /admin/messaging/templates/:id — removes the store's version; the shipped default applies again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const [template] = await messaging.listTemplates({ id: req.params.id }, { take: 1 })
  if (!template) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Template ${req.params.id} not found`)
  }
  await messaging.softDeleteTemplates(req.params.id)
  await messaging.templatesChanged()
  res.json({ id: req.params.id, object: "template", deleted: true })
}
