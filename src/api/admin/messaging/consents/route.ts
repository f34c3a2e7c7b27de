import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { AdminRecordConsentBodyType } from "./validators"

/**
 * GET /admin/messaging/consents?customer_id=…|phone=… — the current consent per phone and purpose, and
 * the whole ledger behind it, newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { customer_id, phone } = req.validatedQuery as { customer_id?: string; phone?: string }
  const filters = { ...(customer_id ? { customer_id } : {}), ...(phone ? { phone } : {}) }
  const [consents, events] = await Promise.all([
    messaging.listConsents(filters, { order: { purpose: "ASC" } }),
    messaging.listConsentEvents(filters, { order: { occurred_at: "DESC", seq: "DESC" }, take: 200 }),
  ])
  res.json({ consents, events })
}

/**
 * POST /admin/messaging/consents — records consent obtained or withdrawn offline, with the admin's note,
 * and its audit entry.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRecordConsentBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const body = req.validatedBody
  const check = checkPhone(body.phone, { defaultCountry: body.country_code ?? messaging.getOptions().defaultCountry })
  if (!check.ok) {
    res.status(400).json({ type: "invalid_data", code: check.reason, message: `Invalid phone: ${check.detail}` })
    return
  }
  const phone = "e164" in check ? check.e164 : body.phone
  const actor = { actor_id: req.auth_context.actor_id ?? null, actor_type: req.auth_context.actor_type ?? null }
  const { event_id, status } = await messaging.recordConsentAsAdmin({
    phone,
    customer_id: body.customer_id ?? null,
    purpose: body.purpose,
    action: body.action,
    source: "admin",
    wording: body.wording ?? null,
    wording_version: body.wording_version ?? null,
    evidence: { note: body.note, recorded_by: req.auth_context.actor_id },
  }, actor)
  res.status(201).json({ consent: { phone, purpose: body.purpose, status }, event_id })
}
