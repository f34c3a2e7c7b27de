/**
 * Formats an amount in the order's currency and locale. Intl puts no-break and narrow no-break spaces
 * around the symbol ("12,50 €" in French); those are not GSM-7 and would turn a one-segment SMS into
 * UCS-2, so they become ordinary spaces.
 */
export function formatAmount(amount: number, currencyCode: string, locale: string): string {
  let text: string
  try {
    text = new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    text = `${amount.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
  return text.replace(/[\u00a0\u202f\u2007]/g, " ")
}
