import { atLocalTime, localTime } from "./local-time"
import { isHoliday, type HolidayCalendar } from "./holidays"

/** When marketing messages may reach a recipient, in the recipient's local time. */
export type SendingWindow = {
  /** Allowed days of the week, 0 = Sunday … 6 = Saturday. */
  days: readonly number[]
  /** First allowed minute, "HH:MM". */
  start: string
  /** First minute no longer allowed, "HH:MM" (the window is [start, end)). */
  end: string
  /** Public holidays on which nothing is sent. */
  holidays?: HolidayCalendar
}

export type MarketingRule = {
  window: SendingWindow
  /** Most marketing messages one phone may receive in any 24 hours. */
  maxPer24h?: number
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const

/**
 * The rules that ship, per region (a country code, or "US-FL"; "default" for every other country):
 * - US: 08:00–21:00 local time (47 CFR §64.1200(c)(1));
 * - Florida: 08:00–20:00 and at most 3 marketing messages per 24 h (Fla. Stat. 501.059/501.616);
 * - France: Monday to Saturday 08:00–20:00, never on public holidays (CNIL/AF2M recommendations).
 * A store overrides any of them with the `quietHours` option.
 */
export const DEFAULT_MARKETING_RULES: Record<string, MarketingRule> = {
  US: { window: { days: EVERY_DAY, start: "08:00", end: "21:00" } },
  "US-FL": { window: { days: EVERY_DAY, start: "08:00", end: "20:00" }, maxPer24h: 3 },
  FR: { window: { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "20:00", holidays: "FR" } },
  default: { window: { days: EVERY_DAY, start: "08:00", end: "21:00" } },
}

/**
 * Florida's area codes: a Florida area code is presumed to be a Florida resident (FTSA). From the North
 * American Numbering Plan Administrator's list, including overlays in service by 2026.
 */
export const FLORIDA_AREA_CODES: ReadonlySet<string> = new Set([
  "239", "305", "321", "324", "352", "386", "407", "448", "561", "645", "656", "689", "727", "728",
  "754", "772", "786", "813", "850", "863", "904", "941", "954",
])

/**
 * The rule region of a recipient: "US-FL" for a Florida area code or a Florida address, else the phone's
 * country. Regions without a rule of their own follow "default" (see `ruleFor`).
 */
export function ruleRegionOf(e164: string, country: string | null | undefined, province?: string | null): string | null {
  const state = province?.toUpperCase().replace(/^US-/, "")
  if (country === "US" && (FLORIDA_AREA_CODES.has(e164.slice(2, 5)) || state === "FL")) {
    return "US-FL"
  }
  return country ?? null
}

export function ruleFor(region: string | null | undefined, rules: Record<string, MarketingRule>): MarketingRule {
  return (region && rules[region]) || (region === "US-FL" && rules.US) || rules.default || DEFAULT_MARKETING_RULES.default
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number)
  return h * 60 + m
}

function nextAllowedInZone(from: Date, window: SendingWindow, timeZone: string): Date {
  const start = minutesOf(window.start)
  const end = minutesOf(window.end)
  const today = localTime(from, timeZone)
  for (let offset = 0; offset <= 14; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset))
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    if (!window.days.includes(date.getUTCDay()) || (window.holidays && isHoliday(window.holidays, y, m, d))) {
      continue
    }
    if (offset === 0) {
      const now = today.hour * 60 + today.minute
      if (now >= end) continue
      if (now >= start) return from
    }
    return atLocalTime(y, m, d, Math.floor(start / 60), start % 60, timeZone)
  }
  throw new Error(`The sending window ${JSON.stringify(window)} never opens`)
}

/**
 * The first instant at or after `from` when a marketing message may be sent, in every one of the
 * recipient's possible time zones (a number whose zone is uncertain must fit all of them).
 */
export function nextAllowedTime(from: Date, window: SendingWindow, timeZones: readonly string[]): Date {
  let candidate = from
  for (let round = 0; round < 20; round++) {
    const next = timeZones.map((tz) => nextAllowedInZone(candidate, window, tz))
    const latest = new Date(Math.max(...next.map((d) => d.getTime())))
    if (latest.getTime() === candidate.getTime()) return candidate
    candidate = latest
  }
  throw new Error(`No time fits the sending window in all of ${timeZones.join(", ")}`)
}
