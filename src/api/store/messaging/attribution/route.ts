import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { StoreAttachAttributionBodyType } from "./validators"

/**
 * POST /store/messaging/attribution { cart_id, code } — the storefront hands over the code a tracked
 * link brought (`?sms_rcs_ref=…`); it is kept in the cart's metadata, and the order placed from the cart
 * is credited to that link's message. An unknown code is a 404, so a typo is seen at once.
 */
export async function POST(req: MedusaRequest<StoreAttachAttributionBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { cart_id, code } = req.validatedBody
  const link = await messaging.resolveLink(code)
  if (!link) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No tracked link with code "${code}"`)
  }
  const refParam = messaging.getOptions().tracking.refParam
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: cart_id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cart_id} not found`)
  }
  // the store's own metadata stays as it is
  await updateCartWorkflow(req.scope).run({ input: { id: cart_id, metadata: { ...data[0].metadata, [refParam]: code } } })
  res.json({ cart_id, code, message_id: link.message_id })
}
