import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** GET /admin/messaging/messages/:id */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [message],
  } = await query.graph({ entity: "message", fields: req.queryConfig.fields, filters: { id: req.params.id } })
  if (!message) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message with id: ${req.params.id} was not found`)
  }
  res.json({ message })
}
