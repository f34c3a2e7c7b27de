import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"

type Subject = { phone?: string; customer_id?: string }

/**
 * The GDPR subject with its phone in E.164: a number typed as elsewhere in the admin (`06 12 34 56 78`,
 * `+33 6…`) is read in the store's `defaultCountry`. A number that cannot be read answers 400 naming the
 * field and returns null: erasing "nothing" for a typo would look like success. A landline or a premium
 * number is still a number whose data may be held, so it is accepted.
 */
export function subjectWithE164(req: MedusaRequest, res: MedusaResponse, subject: Subject): Subject | null {
  if (!subject.phone) return subject
  const { defaultCountry } = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const check = checkPhone(subject.phone, { defaultCountry })
  if (!("e164" in check)) {
    res.status(400).json({
      type: "invalid_data",
      code: check.ok ? "invalid_phone" : check.reason,
      message: `Invalid phone: ${check.ok ? subject.phone : check.detail}`,
      problems: [{ path: "phone", message: check.ok ? "invalid phone" : check.detail }],
    })
    return null
  }
  return { ...subject, phone: check.e164 }
}
