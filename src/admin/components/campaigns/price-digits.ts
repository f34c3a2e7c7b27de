/**
 * How many decimals a campaign's money shows. Totals: the currency's minor unit (cents for EUR, none for
 * JPY). A price per text may be a fraction of that unit (SMS gateways price in tenths of a cent:
 * €0.045): it shows the digits it needs, up to two past the minor unit, and always reads "per text", so
 * €0.045 is neither rounded to €0.05 (wrong by 10 % over a campaign) nor padded to €0.0450.
 */
export function minorUnitDigits(currency: string | null | undefined): number {
  if (!currency) return 2
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Decimals for a price per text: the minor unit's, and as many more (up to two) as the price needs. */
export function perTextDigits(amount: number | null | undefined, currency: string | null | undefined): number {
  const minor = minorUnitDigits(currency)
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return minor
  for (let digits = minor; digits < minor + 2; digits++) {
    const scaled = amount * 10 ** digits
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return digits
  }
  return minor + 2
}
