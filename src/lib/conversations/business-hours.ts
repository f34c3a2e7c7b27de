/** Opening hours per weekday (0 = Sunday … 6 = Saturday): "HH:MM" to "HH:MM", or closed that day. */
export type BusinessHours = { timeZone: string; days: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, { open: string; close: string } | null>> }

/** Monday to Friday, 09:00 to 18:00. */
export const DEFAULT_BUSINESS_DAYS: BusinessHours["days"] = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, { open: "09:00", close: "18:00" }])
) as BusinessHours["days"]

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The calendar date, weekday and minutes since midnight of `at` in the zone. */
function localClock(at: Date, timeZone: string): { year: number; month: number; date: number; day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ""
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"))
  return { year: Number(get("year")), month: Number(get("month")), date: Number(get("day")), day, minutes: Number(get("hour")) * 60 + Number(get("minute")) }
}

/** The zone's offset from UTC at `at`, in milliseconds (what its wall clock reads minus UTC). */
function offsetAt(at: Date, timeZone: string): number {
  const c = localClock(at, timeZone)
  const wall = Date.UTC(c.year, c.month - 1, c.date, 0, c.minutes)
  return wall - Math.floor(at.getTime() / 60_000) * 60_000
}

/** The instant the zone's wall clock reads `minutes` after midnight on that calendar day (DST included). */
function instantOf(year: number, month: number, date: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, date, 0, minutes)
  let guess = wall - offsetAt(new Date(wall), timeZone)
  // once more with the offset at the guess: right on either side of a change
  guess = wall - offsetAt(new Date(guess), timeZone)
  return new Date(guess)
}

export type ExpectedReply = { open_now: true } | { open_now: false; opens_at: Date }

/**
 * When a person can answer: now, during opening hours, else the next opening (found by walking the
 * week's days once; a week without opening hours answers "now" rather than never). The opening is the
 * instant the store's wall clock shows it, so a daylight-saving change in between moves nothing.
 */
export function expectedReply(now: Date, hours: BusinessHours): ExpectedReply {
  const clock = localClock(now, hours.timeZone)
  const { day, minutes } = clock
  const today = hours.days[day as 0]
  if (today && minutes >= minutesOf(today.open) && minutes < minutesOf(today.close)) return { open_now: true }
  for (let ahead = 0; ahead <= 7; ahead++) {
    const d = ((day + ahead) % 7) as 0
    const slot = hours.days[d]
    if (!slot) continue
    if (ahead === 0 && minutesOf(slot.open) <= minutes) continue
    const calendar = new Date(Date.UTC(clock.year, clock.month - 1, clock.date + ahead))
    const opensAt = instantOf(calendar.getUTCFullYear(), calendar.getUTCMonth() + 1, calendar.getUTCDate(), minutesOf(slot.open), hours.timeZone)
    if (opensAt.getTime() <= now.getTime()) continue
    return { open_now: false, opens_at: opensAt }
  }
  return { open_now: true }
}

/** "Monday 09:00" / "lundi 09:00" in the store's zone, for the shopper's text. */
export function formatOpening(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at)
}
