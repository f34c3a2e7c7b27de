/**
 * Number formats of the analytics page and the attribution widget. The dashboard's language decides the
 * separators (`undefined` locale), the API decides the currency.
 */

/** An amount in a currency (`EUR`, `eur`); without a currency, the plain number. */
export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, maxFractionDigits = 2): string {
  if (amount === null || amount === undefined || amount === "") return "—"
  const value = Number(amount)
  if (!Number.isFinite(value)) return String(amount)
  if (!currency) return formatNumber(value, maxFractionDigits)
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: Math.min(2, maxFractionDigits),
      maximumFractionDigits: maxFractionDigits,
    }).format(value)
  } catch {
    // a code Intl does not know: still show it
    return `${formatNumber(value, maxFractionDigits)} ${currency.toUpperCase()}`
  }
}

export function formatNumber(value: number | null | undefined, maxFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—"
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: maxFractionDigits }).format(value)
}

/** A ratio (0.125) as a percentage (12.5 %); `null` (nothing to divide by) as a dash. */
export function formatPercent(ratio: number | null | undefined, maxFractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—"
  return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: maxFractionDigits }).format(ratio)
}

/** A date and time in the admin's time zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—"
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString()
}
