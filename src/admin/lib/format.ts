/**
 * Number, money and time formats of the plugin's pages. `locale` is the admin's language (`useFormat()` in
 * ./i18n fills it in); without one, the browser's. The API decides the currency.
 */

/**
 * An amount in a currency (`EUR`, `eur`); without a currency, the plain number. By default in the currency's
 * minor units, as a price is written (€7.84, ¥785); `maxFractionDigits` asks for fewer (an axis: 0) or more.
 */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string | null | undefined,
  maxFractionDigits?: number,
  locale?: string
): string {
  if (amount === null || amount === undefined || amount === "") return "—"
  const value = Number(amount)
  if (!Number.isFinite(value)) return String(amount)
  if (!currency) return formatNumber(value, maxFractionDigits ?? 2, locale)
  try {
    const digits = maxFractionDigits ?? minorDigits(currency)
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: Math.min(minorDigits(currency), digits),
      maximumFractionDigits: digits,
    }).format(value)
  } catch {
    // a code Intl does not know: still show it
    return `${formatNumber(value, maxFractionDigits ?? 2, locale)} ${currency.toUpperCase()}`
  }
}

/** How many decimals the currency's minor unit has (EUR 2, JPY 0, KWD 3); 2 for a code Intl does not know. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
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
 * A return on investment ((revenue − cost) ÷ cost, as the API gives it) as a signed percentage with at most
 * one decimal: "+1,219.4%" in English, "+1 219,4 %" in French. `null` (no cost, or no revenue: nothing to
 * return on) as a dash. One format for every ROI the plugin shows, so tiles, tables and charts agree.
 */
export function formatRoi(ratio: number | null | undefined, locale?: string): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—"
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(ratio)
}

/** A calendar day (`2026-11-24`, no time, no zone) in the admin's language: "Nov 24, 2026", "24 nov. 2026". */
export function formatDay(day: string, locale?: string, style: "medium" | "short" = "medium"): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  // UTC here only reads the date back as written: the day is already the store's
  const options: Intl.DateTimeFormatOptions = style === "short" ? { day: "numeric", month: "short" } : { dateStyle: "medium" }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date)
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
