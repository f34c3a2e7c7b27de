import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { AdminGetConsentsParamsType, AdminRecordConsentBodyType } from "./validators"

/**
 * GET /admin/messaging/consents — the current consents, newest change first, filtered by phone (any form)
 * or digits (`q`), customer, purpose, status, source of the last event and the store's days it changed
 * on: `{ consents, count, limit, offset }`. With a `phone` or a `customer_id`, also `events`: the ledger
 * behind them, newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { phone: typed, q, ...query } = req.validatedQuery as AdminGetConsentsParamsType
  let phone: string | undefined
  if (typed) {
    const check = checkPhone(typed, { defaultCountry: messaging.getOptions().defaultCountry })
    phone = "e164" in check ? check.e164 : typed
  }
  const { consents, count } = await messaging.listConsentStates({ ...query, phone, phone_contains: q || undefined })
  if (!phone && !query.customer_id) {
    res.json({ consents, count, limit: query.limit, offset: query.offset })
    return
  }
  const filters = { ...(query.customer_id ? { customer_id: query.customer_id } : {}), ...(phone ? { phone } : {}) }
  const events = await messaging.listConsentEvents(filters, { order: { occurred_at: "DESC", seq: "DESC" }, take: 200 })
  res.json({ consents, count, limit: query.limit, offset: query.offset, events })
}

/**
 * POST /admin/messaging/consents — records consent obtained or withdrawn offline, with the admin's note
 * (the reason), who recorded it (`evidence.recorded_by`, shown in the ledger) and its audit entry.
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
