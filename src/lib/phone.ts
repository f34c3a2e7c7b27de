import { parsePhoneNumberFromString, type CountryCode, type NumberType } from "libphonenumber-js/max"

/**
 * Number types that are never sent to: they cost money to reach (premium rate, shared cost), cannot
 * receive texts (toll free, pager, voicemail, UAN) and are the usual targets of SMS pumping.
 * NANP numbers often come back as FIXED_LINE_OR_MOBILE, so this is a deny-list, not a MOBILE allow-list.
 */
export const REFUSED_NUMBER_TYPES: readonly NumberType[] = [
  "PREMIUM_RATE",
  "SHARED_COST",
  "TOLL_FREE",
  "PAGER",
  "VOICEMAIL",
  "UAN",
]

export type PhoneCheck =
  | { ok: true; e164: string; country: CountryCode | undefined; type: NumberType | undefined }
  | { ok: false; reason: "missing_phone" | "invalid_phone"; detail: string }
  | { ok: false; reason: "refused_number_type"; detail: string; e164: string }
  | { ok: false; reason: "country_not_allowed"; detail: string; e164: string }

export type PhoneCheckOptions = {
  /** Country used when the number is written without its international prefix (ISO 3166-1 alpha-2). */
  defaultCountry?: string
  /** When set, only numbers of these countries are accepted. */
  allowedCountries?: readonly string[]
}

/** Parses, validates and classifies a phone number as written by a shopper. */
export function checkPhone(raw: string | null | undefined, options: PhoneCheckOptions = {}): PhoneCheck {
  const input = raw?.trim()
  if (!input) {
    return { ok: false, reason: "missing_phone", detail: "no phone number" }
  }
  const defaultCountry = options.defaultCountry?.toUpperCase() as CountryCode | undefined
  const parsed = parsePhoneNumberFromString(input, defaultCountry ? { defaultCountry } : undefined)
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      reason: "invalid_phone",
      // the input is echoed for the admin, bounded: a 100 KB "phone" must not become a 100 KB reason
      detail: `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}" is not a valid phone number${defaultCountry ? ` (default country ${defaultCountry})` : ""}`,
    }
  }
  const e164 = parsed.number
  const type = parsed.getType()
  if (type && REFUSED_NUMBER_TYPES.includes(type)) {
    return { ok: false, reason: "refused_number_type", detail: `${type.toLowerCase()} numbers are not messaged`, e164 }
  }
  const allowed = options.allowedCountries
  if (allowed?.length && (!parsed.country || !allowed.includes(parsed.country))) {
    return {
      ok: false,
      reason: "country_not_allowed",
      detail: `country ${parsed.country ?? "unknown"} is not in the allowed countries (${allowed.join(", ")})`,
      e164,
    }
  }
  return { ok: true, e164, country: parsed.country, type }
}

/**
 * The ways a store may have written this E.164 number (Medusa keeps phones as typed): itself, without
 * its "+", and in national form with and without spacing — to find a customer by phone.
 */
export function phoneSpellings(e164: string): string[] {
  const spellings = new Set([e164, e164.replace(/^\+/, "")])
  const parsed = parsePhoneNumberFromString(e164)
  if (parsed) {
    const national = parsed.formatNational()
    spellings.add(national)
    spellings.add(national.replace(/[^\d]/g, ""))
    spellings.add(parsed.formatInternational())
  }
  return [...spellings]
}
