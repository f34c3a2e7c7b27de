import type { PeriodBound } from "./analytics-period"
import { localDay } from "./analytics-period"

/**
 * The name of a report's CSV download: `sms-rcs-analytics-by-day-channel-2026-11-01-to-2026-11-30.csv`, the
 * first and last days it covers as the store sees them. Days asked as days are named as asked (November is
 * `2026-11-01-to-2026-11-30`, not the UTC date of Paris's first midnight, 31 October); an instant is named by
 * its day in the report's zone, `to` by the day of the last instant it covers (it is excluded).
 */
export function analyticsCsvFileName(
  groupBy: readonly string[],
  asked: { from?: PeriodBound; to?: PeriodBound },
  period: { from: Date; to: Date },
  timeZone: string
): string {
  const first = typeof asked.from === "string" ? asked.from : localDay(period.from, timeZone)
  const last = typeof asked.to === "string" ? asked.to : localDay(new Date(period.to.getTime() - 1), timeZone)
  return `sms-rcs-analytics-by-${groupBy.join("-") || "total"}-${first}-to-${last}.csv`
}
