import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { guardStorefrontPhone, requireVerifiedNumber, storefrontClient } from "../phone-guard"
import type { StoreRevokeBodyType } from "../validators"

/**
 * POST /store/messaging/consent/revoke — opting out of marketing must be as easy as opting in: no account
 * needed, and its own rate limit (a flood of opt-ins never blocks it). Stopping transactional texts too
 * needs proof of the number (the logged-in customer's verified number, or a code): a stranger must not
 * stop someone's order texts. Answers `{ consent: { phone, purpose, status: "revoked" } }`.
 */
export async function POST(req: MedusaRequest<StoreRevokeBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body, "opt_out")
  if (!phone) return
  const customerId = body.purpose === "transactional" ? await requireVerifiedNumber(req, res, phone) : null
  if (body.purpose === "transactional" && !customerId) return
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { status } = await messaging.recordConsent({
    phone,
    purpose: body.purpose,
    action: "revoke",
    source: "storefront_form",
    customer_id: customerId,
    ...storefrontClient(req),
    ...(customerId ? { evidence: { verified_by: "customer_verified_number" } } : {}),
  })
  res.json({ consent: { phone, purpose: body.purpose, status } })
}
