import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { storefrontOptInWorkflow } from "../../../../workflows/storefront-opt-in"
import { guardStorefrontPhone } from "./phone-guard"
import type { StoreOptInBodyType } from "./validators"

/**
 * POST /store/messaging/consent — a shopper opts in (publishable key; a customer session is optional).
 * Answers `{ consent: { phone, purpose, status } }`: `pending` until the shopper replies YES to the
 * confirmation text, `granted` when no confirmation is needed.
 */
export async function POST(req: MedusaRequest<StoreOptInBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body)
  if (!phone) return
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  const customerId = auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
  const { result } = await storefrontOptInWorkflow(req.scope).run({
    input: {
      phone,
      purpose: body.purpose,
      customer_id: customerId,
      wording: body.wording,
      wording_version: body.wording_version,
      locale: body.locale ?? null,
      ip: req.ip ?? null,
      user_agent: req.get("user-agent") ?? null,
      source: "storefront_form",
    },
  })
  res.status(result.status === "granted" ? 200 : 202).json({ consent: { phone, purpose: body.purpose, status: result.status } })
}

/** GET /store/messaging/consent — the logged-in customer's own consents. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const consents = await messaging.listConsents(
    { customer_id: req.auth_context.actor_id },
    { select: ["phone", "purpose", "channel", "status", "granted_at", "revoked_at"] }
  )
  res.json({ consents })
}
