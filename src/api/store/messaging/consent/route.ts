import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { storefrontOptInWorkflow } from "../../../../workflows/consent/storefront-opt-in"
import { customerOf, guardStorefrontPhone, requireVerifiedNumber, storefrontClient } from "./phone-guard"
import type { StoreOptInBodyType } from "./validators"

/**
 * POST /store/messaging/consent — a shopper opts in (publishable key; a customer session is optional).
 * Marketing: always **202** `{ consent: { phone, purpose, status: "requested" } }`, whatever the number's
 * consent was, so the answer tells nobody who is subscribed; the number gets the "reply YES" text when it
 * must confirm (at most one per cooldown, never after STOP ALL). Transactional: only for the logged-in
 * customer's own verified number (200 `granted`), else 403 — other shoppers go through a code.
 */
export async function POST(req: MedusaRequest<StoreOptInBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body, "opt_in")
  if (!phone) return
  const client = storefrontClient(req)
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const proof = { phone, wording: body.wording, wording_version: body.wording_version, locale: body.locale ?? null, ...client }

  if (body.purpose === "transactional") {
    const customerId = await requireVerifiedNumber(req, res, phone)
    if (!customerId) return
    const { status } = await messaging.recordConsent({
      ...proof,
      customer_id: customerId,
      purpose: "transactional",
      action: "grant",
      source: "storefront_form",
      evidence: { verified_by: "customer_verified_number" },
    })
    res.json({ consent: { phone, purpose: "transactional", status } })
    return
  }
  await storefrontOptInWorkflow(req.scope).run({
    input: { ...proof, purpose: "marketing", customer_id: customerOf(req), source: "storefront_form" },
  })
  res.status(202).json({ consent: { phone, purpose: "marketing", status: "requested" } })
}

/**
 * GET /store/messaging/consent — the logged-in customer's own consents: those of the numbers they proved
 * with a code, never of a number they merely typed (that would tell anyone who is subscribed).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const phones = await messaging.verifiedPhonesOf(req.auth_context.actor_id)
  const consents = phones.length
    ? await messaging.listConsents({ phone: phones }, { select: ["phone", "purpose", "channel", "status", "granted_at", "revoked_at"] })
    : []
  res.json({ consents })
}
