import { MedusaError } from "@medusajs/framework/utils"
import { periodProblem } from "../../../lib/report-period"
import { atLocalTime, localTime } from "../../../lib/sending-rules/local-time"

const DAY_MS = 86_400_000
export const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** One end of a report's period: an instant, or a calendar day (`2026-11-24`) in the report's zone. */
export type PeriodBound = Date | string

/** The calendar day (`YYYY-MM-DD`) that the wall clock of `timeZone` shows at `at`. */
export function localDay(at: Date, timeZone: string): string {
  const { year, month, day } = localTime(at, timeZone)
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

/**
 * The first instant of `day` (`YYYY-MM-DD`) on the wall clock of `timeZone`: its midnight, or, where daylight
 * saving starts at midnight (America/Santiago, America/Havana), the instant the clock jumps to 01:00. There
 * `atLocalTime` answers an hour before the jump, 23:00 the day before, and the report would count that hour
 * of the previous day: the first instant of the wanted day is then found between the two (a binary search
 * to the millisecond, a few dozen look-ups).
 */
function startOfDay(day: string, timeZone: string): Date {
  const [, y, m, d] = CALENDAR_DAY.exec(day)!
  const midnight = atLocalTime(Number(y), Number(m), Number(d), 0, 0, timeZone)
  if (localDay(midnight, timeZone) >= day) return midnight
  let before = midnight.getTime() // on the day before
  let after = before + 3_600_000
  // a jump of more than an hour is rare (Antarctica/Troll's two): widen, within a day, until the wanted day
  for (let i = 0; i < 24 && localDay(new Date(after), timeZone) < day; i++) after += 3_600_000
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2)
    if (localDay(new Date(middle), timeZone) < day) before = middle
    else after = middle
  }
  return new Date(after)
}

/** The day after `day`, as a calendar date (no zone: calendar arithmetic only). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
}

/**
 * The instants a report covers (`from` included, `to` excluded). A calendar day is a day in `timeZone`, the
 * store's: `from=2026-11-01&to=2026-11-30` is November as the shop lives it, from its first midnight to the
 * midnight after the 30th, whatever the DST change in between. Without `to`, now; without `from`, the 30
 * days before `to`. A period the reports refuse (empty, backwards, past 400 days) is a 400 that says why.
 */
export function analyticsPeriod(
  bounds: { from?: PeriodBound; to?: PeriodBound },
  timeZone: string,
  now = new Date()
): { from: Date; to: Date } {
  const to = typeof bounds.to === "string" ? startOfDay(nextDay(bounds.to), timeZone) : bounds.to ?? now
  const from = typeof bounds.from === "string" ? startOfDay(bounds.from, timeZone) : bounds.from ?? new Date(to.getTime() - 30 * DAY_MS)
  const problem = periodProblem(from, to)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  return { from, to }
}
