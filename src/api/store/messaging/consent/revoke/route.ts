import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { guardStorefrontPhone } from "../phone-guard"
import type { StoreRevokeBodyType } from "../validators"

/**
 * POST /store/messaging/consent/revoke — opting out must be as easy as opting in: no account needed.
 * Answers `{ consent: { phone, purpose, status: "revoked" } }`.
 */
export async function POST(req: MedusaRequest<StoreRevokeBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body)
  if (!phone) return
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { status } = await messaging.recordConsent({
    phone,
    purpose: body.purpose,
    action: "revoke",
    source: "storefront_form",
    ip: req.ip ?? null,
    user_agent: req.get("user-agent") ?? null,
  })
  res.json({ consent: { phone, purpose: body.purpose, status } })
}
