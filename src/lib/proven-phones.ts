import { checkPhone } from "./phone"

/** A phone as Medusa holds it for a customer: on the account, an address of theirs, or an order of theirs. */
export type HeldPhone = { phone?: string | null; country_code?: string | null }

/**
 * The E.164 numbers among the phones Medusa holds for one person, each read with its address's country
 * (a national "06 12 34 56 78" on a French address is +33612345678). Unreadable ones are left out: a
 * number that cannot be parsed was never texted. Order kept, duplicates removed.
 */
export function provenPhones(held: HeldPhone[], defaultCountry?: string): string[] {
  const phones = new Set<string>()
  for (const { phone, country_code } of held) {
    const check = checkPhone(phone, { defaultCountry: country_code ?? defaultCountry })
    if ("e164" in check) phones.add(check.e164)
  }
  return [...phones]
}
