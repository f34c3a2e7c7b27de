import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { phoneConsentLedgerWorkflow } from "../../../../../workflows/consent/consent-ledger"

/**
 * GET /admin/messaging/consents/ledger?phone=… — one phone's consent: `{ phone, consents, events,
 * events_count }`, its whole ledger newest first (at most 500 events a call), each event with
 * `recorded_by` (the admin user, by email and name, for admin and import events).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const typed = (req.validatedQuery as { phone: string }).phone
  const check = checkPhone(typed, { defaultCountry: messaging.getOptions().defaultCountry })
  if (!("e164" in check)) {
    res.status(400).json({ type: "invalid_data", code: check.ok ? "invalid_phone" : check.reason, message: `Invalid phone: ${check.ok ? typed : check.detail}` })
    return
  }
  const { result } = await phoneConsentLedgerWorkflow(req.scope).run({ input: { phone: check.e164 } })
  res.json(result)
}
