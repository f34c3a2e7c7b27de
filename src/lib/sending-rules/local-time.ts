/** Wall-clock time in an IANA time zone, computed with Intl (Node ships full ICU). */
export type LocalTime = { year: number; month: number; day: number; weekday: number; hour: number; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
    })
    formatters.set(timeZone, f)
  }
  return f
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday],
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  }
}

/**
 * The instant at which the wall clock of `timeZone` shows the given date and time. Two passes settle the
 * UTC offset across a DST change; a time that does not exist (skipped by spring-forward) resolves to the
 * first minute after the gap.
 */
export function atLocalTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute)
  let guess = wanted
  for (let i = 0; i < 2; i++) {
    const seen = localTime(new Date(guess), timeZone)
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute)
    guess += wanted - seenAsUtc
  }
  const result = new Date(guess)
  const check = localTime(result, timeZone)
  if (check.hour * 60 + check.minute < hour * 60 + minute && check.day === day) {
    // inside a spring-forward gap: the wall clock jumps past the wanted time
    return new Date(guess + 3_600_000)
  }
  return result
}
