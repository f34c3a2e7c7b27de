import { csvCell } from "../../../lib/csv-cell"
import type { AnalyticsDimension, AnalyticsRow } from "./analytics"

type Unit = "count" | "percent" | "revenue" | "cost"

/** The metrics of a CSV line, in order, each with the unit its header names. */
const METRICS: Array<[keyof AnalyticsRow & string, Unit]> = [
  ["sent", "count"],
  ["delivered", "count"],
  ["read", "count"],
  ["clicks", "count"],
  ["unique_clicks", "count"],
  ["ctr", "percent"],
  ["orders", "count"],
  ["conversion_rate", "percent"],
  ["revenue", "revenue"],
  ["revenue_per_message", "revenue"],
  ["unsubscribes", "count"],
  ["unsubscribe_rate", "percent"],
  ["segments", "count"],
  ["cost", "cost"],
  ["roi", "percent"],
]

/** A ratio of the API (0.5) as the percentage the page shows (50), exactly: ratios carry four decimals. */
const percent = (ratio: unknown) => (typeof ratio === "number" ? Math.round(ratio * 10_000) / 100 : null)

/**
 * The report as CSV: raw numbers (no thousands separator, no currency sign, full precision of cost), each
 * header saying its unit — `revenue (EUR)`, `cost (EUR)`, `ctr (%)`, `roi (%)`, `day (Europe/Paris)` — so a
 * spreadsheet sums and charts the columns and nobody guesses what 12.5 was. ROI and rates are percentages,
 * as on the page; an empty ROI cell is "no ROI to speak of" (no cost or no revenue), as "—" there. A text
 * cell a spreadsheet would run as a formula is neutralised (csvCell).
 */
export function analyticsCsv(
  dimensions: AnalyticsDimension[],
  report: { currency: string | null; cost_currency: string | null; time_zone: string; rows: AnalyticsRow[] }
): string {
  const unitOf = (unit: Unit) =>
    unit === "percent" ? " (%)" : unit === "revenue" && report.currency ? ` (${report.currency})` : unit === "cost" && report.cost_currency ? ` (${report.cost_currency})` : ""
  const header = [
    ...dimensions.map((d) => (d === "day" ? `day (${report.time_zone})` : d)),
    ...METRICS.map(([name, unit]) => `${name}${unitOf(unit)}`),
  ]
  const line = (row: AnalyticsRow) =>
    [
      ...dimensions.map((d) => csvCell(row[d])),
      ...METRICS.map(([name, unit]) => csvCell(unit === "percent" ? percent(row[name]) : row[name])),
    ].join(",")
  return [header.map(csvCell).join(","), ...report.rows.map(line)].join("\n") + "\n"
}
