import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkPhone, type PhoneCheck } from "../../../lib/phone"
import { ruleRegionOf, timeZonesFor } from "../../../lib/sending-rules"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { storeRegionCountries } from "../../utils/store-facts"

export type CheckPhoneStepInput = {
  phone?: string | null
  /** Country of the address the phone was written on; used when the number has no +prefix. */
  country_code?: string | null
  /** State or province of that address, for US quiet hours and time zones. */
  province?: string | null
}

export type CheckedPhone = PhoneCheck & {
  /** Which sending rules apply ("US-FL", "FR", …). */
  rule_region: string | null
  /** The recipient's possible time zones. */
  time_zones: readonly string[] | null
}

/**
 * Normalises the recipient's phone to E.164, applies the number-type and country guards, and works out
 * which sending rules and time zones apply to the recipient.
 */
export const checkPhoneStep = createStep(
  "sms-rcs-check-phone",
  async (input: CheckPhoneStepInput, { container }) => {
    const options = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
    const result: PhoneCheck = checkPhone(input.phone, {
      defaultCountry: input.country_code ?? options.defaultCountry,
      allowedCountries: options.allowedCountries ?? (await storeRegionCountries(container)),
    })
    const e164 = "e164" in result ? result.e164 : null
    const country = result.ok ? result.country ?? null : input.country_code?.toUpperCase() ?? null
    // The address's state only describes the phone's owner when the phone is of the address's country.
    const province = country && country === input.country_code?.toUpperCase() ? input.province : null
    return new StepResponse<CheckedPhone>({
      ...result,
      rule_region: e164 ? ruleRegionOf(e164, country, province) : null,
      time_zones: timeZonesFor(country, province) ?? null,
    })
  }
)
