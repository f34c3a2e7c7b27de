/**
 * Number, money and time formats of the plugin's pages. `locale` is the admin's language (`useFormat()` in
 * ./i18n fills it in); without one, the browser's. The API decides the currency.
 */

/** An amount in a currency (`EUR`, `eur`); without a currency, the plain number. */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string | null | undefined,
  maxFractionDigits = 2,
  locale?: string
): string {
  if (amount === null || amount === undefined || amount === "") return "—"
  const value = Number(amount)
  if (!Number.isFinite(value)) return String(amount)
  if (!currency) return formatNumber(value, maxFractionDigits, locale)
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: Math.min(2, maxFractionDigits),
      maximumFractionDigits: maxFractionDigits,
    }).format(value)
  } catch {
    // a code Intl does not know: still show it
    return `${formatNumber(value, maxFractionDigits, locale)} ${currency.toUpperCase()}`
  }
}

export function formatNumber(value: number | null | undefined, maxFractionDigits = 0, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—"
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value)
}

/** A ratio (0.125) as a percentage (12.5 %); `null` (nothing to divide by) as a dash. */
export function formatPercent(ratio: number | null | undefined, maxFractionDigits = 1, locale?: string): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—"
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: maxFractionDigits }).format(ratio)
}

/**
 * A date and time in `timeZone` (the store's, or a campaign's), with the zone's name after it, so that a
 * time is never read in another zone than the one it is shown in: "Jan 12, 2027, 10:00 AM (Europe/Paris)".
 * Without a zone, the browser's own, named the same way.
 */
export function formatDateTime(value: string | Date | null | undefined, timeZone?: string | null, locale?: string): string {
  if (!value) return "—"
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timeZone || undefined })
  } catch {
    // a zone this browser does not know: its own zone, named as such
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })
  }
  return `${format.format(date)} (${format.resolvedOptions().timeZone})`
}
