/**
 * The instant a calendar day starts in a time zone: "2026-12-01" in Europe/Paris → 2026-11-30T23:00:00Z.
 * The Messages page's date range is picked in days of the store's zone, and the API takes instants.
 * Intl gives the zone's offset at a moment; asked twice, the answer is right across a daylight-saving change.
 */
export function startOfDayIn(day: string, timeZone: string | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  if (!timeZone) return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString()
  let instant = wall - offsetMs(wall, timeZone)
  instant = wall - offsetMs(instant, timeZone)
  // Where daylight saving starts at midnight (America/Santiago, America/Havana) the day has no 00:00: the
  // answer above is 23:00 of the day before (midnight at the new offset). The day starts at the change,
  // which is midnight at the old offset, the one in force at that 23:00.
  if (localDay(instant, timeZone) !== day) instant = wall - offsetMs(instant, timeZone)
  return new Date(instant).toISOString()
}

/** The calendar day ("2026-09-06") of an instant on `timeZone`'s wall clock. */
function localDay(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at))
}

/** The day after `day` ("2026-12-31" → "2027-01-01"), for a range that includes its last day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at` (ms). */
function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"))
  return asUtc - Math.floor(at / 1000) * 1000
}
