import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkPhone, type PhoneCheck } from "../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"

export type CheckPhoneStepInput = {
  phone?: string | null
  /** Country of the address the phone was written on; used when the number has no +prefix. */
  country_code?: string | null
}

/** Normalises the recipient's phone to E.164 and applies the number-type and country guards. */
export const checkPhoneStep = createStep(
  "sms-rcs-check-phone",
  async (input: CheckPhoneStepInput, { container }) => {
    const options = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
    const result: PhoneCheck = checkPhone(input.phone, {
      defaultCountry: input.country_code ?? options.defaultCountry,
      allowedCountries: options.allowedCountries,
    })
    return new StepResponse(result)
  }
)
