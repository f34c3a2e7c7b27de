import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPhone, type PhoneCheck } from "../../lib/phone"
import { ruleRegionOf, timeZonesFor } from "../../lib/sending-rules"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"

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

const REGION_COUNTRIES_TTL_MS = 60_000
let regionCountries: { at: number; countries: string[] } | undefined

/**
 * The countries of the store's regions: where it sells is where it texts, unless the `allowedCountries`
 * option says otherwise. Read at most once a minute; a store with no region restricts nothing.
 */
export async function storeRegionCountries(container: MedusaContainer): Promise<string[]> {
  if (regionCountries && Date.now() - regionCountries.at < REGION_COUNTRIES_TTL_MS) {
    return regionCountries.countries
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["countries.iso_2"] })
  const countries = [
    ...new Set(regions.flatMap((r: any) => (r.countries ?? []).map((c: any) => String(c.iso_2).toUpperCase()))),
  ]
  regionCountries = { at: Date.now(), countries }
  return countries
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
