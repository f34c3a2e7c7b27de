/** A birthday as a shopper gives it: "YYYY-MM-DD" or "MM-DD" (the year is optional: many prefer not to say it). */
export type Birthday = { month: number; day: number; year: number | null }

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (month: number, year: number | null) => [31, year === null || isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]

/** The date in a customer's metadata, or null when it is not one (a store's own code may have written anything). */
export function parseBirthday(value: unknown): Birthday | null {
  if (typeof value !== "string") return null
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value.trim())
  if (!m) return null
  const year = m[1] ? Number(m[1]) : null
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null
  if (year !== null && (year < 1900 || year > 2100)) return null
  return { month, day, year }
}

/** The calendar date of `at` in the zone. */
function localDate(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") }
}

/**
 * Whether the birthday text is due now, and for which year (its idempotency): on the day the birthday
 * falls `daysBefore` days ahead, from `hour` local time (10:00). A 29 February birthday is celebrated
 * on 28 February in other years. `year` is the year of the birthday celebrated, so a text sent a few days
 * before a 1 January birthday counts for the new year.
 */
export function birthdayDue(birthday: Birthday, now: Date, timeZone: string, { daysBefore = 0, hour = 10 } = {}): { due: boolean; year: number } {
  const today = localDate(now, timeZone)
  // the local calendar day `daysBefore` days ahead, counted on a UTC calendar (no DST in dates)
  const ahead = new Date(Date.UTC(today.year, today.month - 1, today.day + daysBefore))
  const year = ahead.getUTCFullYear()
  const day = birthday.month === 2 && birthday.day === 29 && !isLeap(year) ? 28 : birthday.day
  const matches = ahead.getUTCMonth() + 1 === birthday.month && ahead.getUTCDate() === day
  return { due: matches && today.hour >= hour, year }
}
