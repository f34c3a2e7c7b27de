import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { StartVerificationInput } from "../../modules/messaging/consent/phone-verifications"
import { sendMessageWorkflow } from "../messages/send-message"
import { applyVerifiedConsentStep } from "./steps/apply-verified-consent"
import { startPhoneVerificationStep } from "./steps/start-phone-verification"

/**
 * Proof of a number for the storefront: a code is recorded (hashed) and texted to the number, when it may
 * get one. The answer carries the verification's id, never the code.
 */
export const phoneVerificationWorkflow = createWorkflow(
  "sms-rcs-phone-verification",
  (input: StartVerificationInput & { locale?: string | null }) => {
    const started = startPhoneVerificationStep(input)
    when({ started }, ({ started }) => started.code !== null).then(() => {
      const text = transform({ started, input }, ({ started, input }) => ({
        template_key: "consent_verification_code",
        idempotency_key: `verify:${started.id}`,
        phone: input.phone,
        locale: input.locale ?? null,
        customer_id: input.customer_id ?? null,
        variables: { code: started.code, minutes: started.minutes },
        purpose: "transactional" as const,
        channel: "sms" as const,
        consent_reply: "verification_code" as const,
      }))
      sendMessageWorkflow.runAsStep({ input: text })
    })
    const answer = transform({ started }, ({ started }) => ({ id: started.id, expires_at: started.expires_at }))
    return new WorkflowResponse(answer)
  }
)

/** A code typed back on the storefront: checked, and the consent change it was asked for applied. */
export const confirmPhoneVerificationWorkflow = createWorkflow(
  "sms-rcs-confirm-phone-verification",
  (input: { id: string; code: string }) => new WorkflowResponse(applyVerifiedConsentStep(input))
)
