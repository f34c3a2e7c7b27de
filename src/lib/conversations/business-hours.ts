/** Opening hours per weekday (0 = Sunday … 6 = Saturday): "HH:MM" to "HH:MM", or closed that day. */
export type BusinessHours = { timeZone: string; days: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, { open: string; close: string } | null>> }

/** Monday to Friday, 09:00 to 18:00. */
export const DEFAULT_BUSINESS_DAYS: BusinessHours["days"] = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, { open: "09:00", close: "18:00" }])
) as BusinessHours["days"]

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The weekday and minutes since midnight of `at` in the zone. */
function localClock(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ""
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"))
  return { day, minutes: Number(get("hour")) * 60 + Number(get("minute")) }
}

export type ExpectedReply = { open_now: true } | { open_now: false; opens_at: Date }

/**
 * When a person can answer: now, during opening hours, else the next opening (found by walking the
 * week's days once; a week without opening hours answers "now" rather than never).
 */
export function expectedReply(now: Date, hours: BusinessHours): ExpectedReply {
  const { day, minutes } = localClock(now, hours.timeZone)
  const today = hours.days[day as 0]
  if (today && minutes >= minutesOf(today.open) && minutes < minutesOf(today.close)) return { open_now: true }
  for (let ahead = 0; ahead <= 7; ahead++) {
    const d = ((day + ahead) % 7) as 0
    const slot = hours.days[d]
    if (!slot) continue
    const opensIn = ahead * 1440 + minutesOf(slot.open) - minutes
    if (opensIn <= 0) continue
    // whole minutes from now; a DST change that day may shift it by its hour, said as "about"
    return { open_now: false, opens_at: new Date(Math.floor(now.getTime() / 60_000) * 60_000 + opensIn * 60_000) }
  }
  return { open_now: true }
}

/** "Monday 09:00" / "lundi 09:00" in the store's zone, for the shopper's text. */
export function formatOpening(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at)
}
