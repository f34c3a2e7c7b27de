import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { StartVerificationInput } from "../../../modules/messaging/consent/phone-verifications"

/** Records a verification request; the code comes back only when it may be texted. */
export const startPhoneVerificationStep = createStep(
  "sms-rcs-start-phone-verification",
  async (input: StartVerificationInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const started = await messaging.startPhoneVerification(input)
    return new StepResponse({
      id: started.id,
      expires_at: started.expires_at,
      code: started.code,
      minutes: messaging.getOptions().consent.verification.codeTtlMinutes,
    })
  }
)
