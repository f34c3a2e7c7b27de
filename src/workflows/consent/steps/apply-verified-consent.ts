import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type VerifiedConsentResult =
  | { ok: true; consent: { phone: string; purpose: string; status: string } }
  | { ok: false; reason: "wrong_code"; attempts_left: number }
  | { ok: false; reason: "expired" }

/**
 * Checks a verification code and, when it is right, records the consent change it was asked for, with
 * the verification as proof that the shopper holds the number.
 */
export const applyVerifiedConsentStep = createStep(
  "sms-rcs-apply-verified-consent",
  async (input: { id: string; code: string }, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const outcome = await messaging.confirmPhoneVerification(input.id, input.code)
    if (!outcome.ok) {
      return new StepResponse<VerifiedConsentResult>(outcome)
    }
    const { change } = outcome
    const { status } = await messaging.recordConsent({
      phone: change.phone,
      customer_id: change.customer_id,
      purpose: change.purpose,
      action: change.action,
      source: "storefront_form",
      ip: change.ip,
      user_agent: change.user_agent,
      evidence: { verified_by: "code", verification_id: change.id },
    })
    return new StepResponse<VerifiedConsentResult>({ ok: true, consent: { phone: change.phone, purpose: change.purpose, status } })
  }
)
