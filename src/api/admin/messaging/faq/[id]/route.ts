import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { presentFaq } from "../present"
import type { AdminFaqPatchBodyType } from "../validators"

async function existing(messaging: MessagingModuleService, id: string) {
  const [entry] = await messaging.listFaqEntries({ id }, { take: 1 })
  if (!entry) {
    const error = new MedusaError(MedusaError.Types.NOT_FOUND, `FAQ entry ${id} was not found`)
    error.code = "not_found"
    throw error
  }
  return entry
}

/** POST /admin/messaging/faq/:id — changes the fields given. */
export async function POST(req: AuthenticatedMedusaRequest<AdminFaqPatchBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { id } = await existing(messaging, req.params.id)
  const entry = await messaging.updateFaqEntries({ id, ...req.validatedBody })
  res.json({ entry: presentFaq(entry) })
}

/** DELETE /admin/messaging/faq/:id */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { id } = await existing(messaging, req.params.id)
  await messaging.softDeleteFaqEntries(id)
  res.json({ id, deleted: true })
}
