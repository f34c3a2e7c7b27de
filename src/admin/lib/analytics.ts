import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { backendUrl, sdk } from "./sdk"

/** What `GET /admin/messaging/analytics` counts for each group and for the whole period. */
export type AnalyticsMetrics = {
  sent: number
  delivered: number
  read: number
  clicks: number
  unique_clicks: number
  /** unique clicks ÷ delivered; null when nothing was delivered (as every ratio below). */
  ctr: number | null
  orders: number
  conversion_rate: number | null
  revenue: number
  revenue_per_message: number | null
  unsubscribes: number
  unsubscribe_rate: number | null
  segments: number
  cost: number
  /** (revenue − cost) ÷ cost; null when nothing cost anything. */
  roi: number | null
}

export type AnalyticsDimension = "channel" | "template" | "automation" | "campaign" | "day"

/** One group: its dimension values (`channel: "sms"`, `day: "2026-11-24"` …) and its metrics. */
export type AnalyticsRow = AnalyticsMetrics & Partial<Record<AnalyticsDimension, string>>

export type AnalyticsReport = {
  from: string
  to: string
  group_by: AnalyticsDimension[]
  /** Revenue is counted in this currency only (orders in others are left out of it). */
  currency: string | null
  /** The currency of `cost`, from the plugin's pricing. */
  cost_currency: string | null
  rows: AnalyticsRow[]
  totals: AnalyticsMetrics
}

/** A period of whole UTC days, both ends included, as the date inputs hold them (`YYYY-MM-DD`). */
export type AnalyticsPeriod = { from: string; to: string }

export const CHANNELS = ["sms", "rcs"] as const
export type Channel = (typeof CHANNELS)[number]

export const PERIOD_PRESETS = [7, 30, 90] as const
/** The API refuses longer periods. */
export const MAX_PERIOD_DAYS = 400

const DAY_MS = 86_400_000
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

export const EMPTY_METRICS: AnalyticsMetrics = {
  sent: 0,
  delivered: 0,
  read: 0,
  clicks: 0,
  unique_clicks: 0,
  ctr: null,
  orders: 0,
  conversion_rate: null,
  revenue: 0,
  revenue_per_message: null,
  unsubscribes: 0,
  unsubscribe_rate: null,
  segments: 0,
  cost: 0,
  roi: null,
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10)
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`)

/**
 * The last `days` days, today included. Days are UTC days because the API groups `day` in UTC: a period
 * in the admin's own time zone would cut the first and last bars of the chart in two.
 */
export function presetPeriod(days: number, now = new Date()): AnalyticsPeriod {
  const to = utcDay(now)
  return { from: utcDay(new Date(dayStart(to).getTime() - (days - 1) * DAY_MS)), to }
}

/** Why a period cannot be asked for, or null when it can. */
export function periodProblem(period: AnalyticsPeriod): string | null {
  if (!DATE_RE.test(period.from) || Number.isNaN(dayStart(period.from).getTime())) return "Pick a start date."
  if (!DATE_RE.test(period.to) || Number.isNaN(dayStart(period.to).getTime())) return "Pick an end date."
  if (period.from > period.to) return "The start date must not be after the end date."
  if (periodDays(period).length > MAX_PERIOD_DAYS) return `The period is at most ${MAX_PERIOD_DAYS} days.`
  return null
}

/** Every day of the period, in order. */
export function periodDays(period: AnalyticsPeriod): string[] {
  const days: string[] = []
  const end = dayStart(period.to).getTime()
  for (let t = dayStart(period.from).getTime(); t <= end && days.length <= MAX_PERIOD_DAYS; t += DAY_MS) {
    days.push(utcDay(new Date(t)))
  }
  return days
}

/** The API's `from` and `to`: the first day's midnight and the midnight after the last day (excluded). */
export function periodQuery(period: AnalyticsPeriod): { from: string; to: string } {
  return { from: dayStart(period.from).toISOString(), to: new Date(dayStart(period.to).getTime() + DAY_MS).toISOString() }
}

/** The period the page shows for `?days=` or `?from=&to=` in its address, else the last 30 days. */
export function periodFromParams(params: URLSearchParams, now = new Date()): AnalyticsPeriod {
  const from = params.get("from")
  const to = params.get("to")
  if (from && to) return { from, to }
  const days = Number(params.get("days"))
  return presetPeriod(Number.isInteger(days) && days > 0 && days <= MAX_PERIOD_DAYS ? days : 30, now)
}

/** The preset (7, 30, 90) this period is, if it is one ending today. */
export function presetOf(period: AnalyticsPeriod, now = new Date()): number | null {
  return PERIOD_PRESETS.find((days) => {
    const preset = presetPeriod(days, now)
    return preset.from === period.from && preset.to === period.to
  }) ?? null
}

type ReportState = { report: AnalyticsReport | null; loading: boolean; error?: string }

export const analyticsKeys = queryKeys("analytics")

/**
 * The report for a period and a grouping (`"channel"`, `"day,channel"` …). When the period changes, the
 * previous report stays on screen until the new one arrives; a period that cannot be asked for is not.
 */
export function useAnalytics(period: AnalyticsPeriod, groupBy: string): ReportState {
  const problem = periodProblem(period)
  const query = useQuery({
    queryKey: analyticsKeys.list({ ...period, group_by: groupBy }),
    queryFn: () => sdk.client.fetch<AnalyticsReport>("/admin/messaging/analytics", { query: { ...periodQuery(period), group_by: groupBy } }),
    enabled: !problem,
    placeholderData: keepPreviousData,
  })
  return { report: query.data ?? null, loading: query.isFetching, error: query.error?.message }
}

/** The rows of one channel report, with SMS and RCS always present (zeros for a channel that sent nothing). */
export function rowsPerChannel(report: AnalyticsReport | null): Array<AnalyticsRow & { channel: Channel }> {
  return CHANNELS.map((channel) => ({
    ...EMPTY_METRICS,
    ...report?.rows.find((r) => r.channel === channel),
    channel,
  }))
}

export type DailyPoint = { day: string } & Record<Channel, number>

/**
 * A `day,channel` report as one point per day of the period with one value per channel: days without a
 * message are zeros, so the series do not jump over them.
 */
export function dailyByChannel(report: AnalyticsReport | null, period: AnalyticsPeriod, metric: keyof AnalyticsMetrics): DailyPoint[] {
  const points = new Map<string, DailyPoint>(periodDays(period).map((day) => [day, { day, sms: 0, rcs: 0 }]))
  for (const row of report?.rows ?? []) {
    const point = row.day ? points.get(row.day) : undefined
    if (!point || (row.channel !== "sms" && row.channel !== "rcs")) continue
    point[row.channel] += Number(row[metric] ?? 0)
  }
  return [...points.values()]
}

/** Rows by revenue, then by messages sent, highest first. */
export function byRevenue<T extends AnalyticsMetrics>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.revenue - a.revenue || b.orders - a.orders || b.sent - a.sent)
}

/**
 * Downloads the report as the API writes it (`format=csv`). The request carries the dashboard's session
 * cookie, which a plain link would too, but a link cannot tell the admin that the download failed.
 */
export async function downloadAnalyticsCsv(period: AnalyticsPeriod, groupBy: string): Promise<{ filename: string; bytes: number }> {
  const query = new URLSearchParams({ ...periodQuery(period), group_by: groupBy, format: "csv" })
  const response = await fetch(`${backendUrl.replace(/\/$/, "")}/admin/messaging/analytics?${query}`, {
    credentials: "include",
    headers: { accept: "text/csv" },
  })
  if (!response.ok) {
    const text = await response.text()
    let message = text
    try {
      message = JSON.parse(text).message ?? text
    } catch {
      /* not JSON: the text itself */
    }
    throw new Error(message || `HTTP ${response.status}`)
  }
  const blob = await response.blob()
  // Not the API's Content-Disposition name: it ends on the excluded midnight and does not say the grouping,
  // so two downloads of one period by channel and by template would get the same name.
  const filename = `sms-rcs-analytics-by-${groupBy.replace(/,/g, "-")}-${period.from}-to-${period.to}.csv`
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the click has handed the blob to the browser's download; the URL is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return { filename, bytes: blob.size }
}
