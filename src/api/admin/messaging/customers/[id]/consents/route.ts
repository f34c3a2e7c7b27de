import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customerConsentsWorkflow } from "../../../../../../workflows/consent/consent-ledger"
import { AdminCustomerParams } from "../../validators"

/**
 * GET /admin/messaging/customers/:id/consents — the customer's consent by phone: every phone Medusa holds
 * for them (account, addresses, orders' shipping and billing) with `sources`, each with its current
 * consent per purpose and its whole ledger, each event with `recorded_by`. 404 for an unknown customer.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const params = AdminCustomerParams.safeParse(req.params)
  if (!params.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, params.error.issues.map((i) => i.message).join("; "))
  const { result } = await customerConsentsWorkflow(req.scope).run({ input: { customer_id: params.data.id } })
  res.json(result)
}
