import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { formatDay, formatRoi } from "./format"
import { useFormat } from "./i18n"
import { queryKeys } from "./query-keys"
import { backendUrl, sdk } from "./sdk"
import { storeSettingsKeys, type StoreSettings } from "./store-settings"

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
  /** The zone whose calendar days the period and `day` are (the store's). */
  time_zone: string
  rows: AnalyticsRow[]
  totals: AnalyticsMetrics
  /** Test sends of the period (providers page, template editor): in no figure, counted here apart. */
  test_messages: number
}

/** A period of whole days in the store's zone, both ends included, as the date inputs hold them (`YYYY-MM-DD`). */
export type AnalyticsPeriod = { from: string; to: string }

export const CHANNELS = ["sms", "rcs"] as const
export type Channel = (typeof CHANNELS)[number]

/** The periods one click away: the last 7, 30 or 90 days (today included), and this month so far. */
export const PERIOD_PRESETS = [7, 30, 90, "month"] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]
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

// Calendar arithmetic on `YYYY-MM-DD` strings: UTC here is only a neutral calendar, never a zone of the store.
const calendarDay = (date: Date) => date.toISOString().slice(0, 10)
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`)
const addDays = (day: string, days: number) => calendarDay(new Date(dayStart(day).getTime() + days * DAY_MS))

/** Today's date on the store's wall clock (`timeZone`), which is not the browser's nor UTC's near midnight. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now).map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/**
 * A preset's days in the store's zone: the last `n` days with today, or the month so far. The API reads the
 * same days in the same zone, so the chart's first and last bars are whole days.
 */
export function presetPeriod(preset: PeriodPreset, timeZone: string, now = new Date()): AnalyticsPeriod {
  const to = todayIn(timeZone, now)
  return { from: preset === "month" ? `${to.slice(0, 8)}01` : addDays(to, -(preset - 1)), to }
}

/** Why a period cannot be asked for, as a catalogue key (`analytics.period.problems.*`), or null when it can. */
export function periodProblem(period: AnalyticsPeriod): "from" | "to" | "order" | "length" | null {
  if (!DATE_RE.test(period.from) || Number.isNaN(dayStart(period.from).getTime())) return "from"
  if (!DATE_RE.test(period.to) || Number.isNaN(dayStart(period.to).getTime())) return "to"
  if (period.from > period.to) return "order"
  if (periodDays(period).length > MAX_PERIOD_DAYS) return "length"
  return null
}

/** Every day of the period, in order. */
export function periodDays(period: AnalyticsPeriod): string[] {
  const days: string[] = []
  const end = dayStart(period.to).getTime()
  for (let t = dayStart(period.from).getTime(); t <= end && days.length <= MAX_PERIOD_DAYS; t += DAY_MS) {
    days.push(calendarDay(new Date(t)))
  }
  return days
}

/** The API's `from` and `to`: the two days themselves, which it reads in the store's zone (`to` included). */
export function periodQuery(period: AnalyticsPeriod): { from: string; to: string } {
  return { from: period.from, to: period.to }
}

/** The period the page shows for `?days=`, `?period=month` or `?from=&to=` in its address, else the last 30 days. */
export function periodFromParams(params: URLSearchParams, timeZone: string, now = new Date()): AnalyticsPeriod {
  const from = params.get("from")
  const to = params.get("to")
  if (from && to) return { from, to }
  if (params.get("period") === "month") return presetPeriod("month", timeZone, now)
  const days = Number(params.get("days"))
  return presetPeriod(Number.isInteger(days) && days > 0 && days <= MAX_PERIOD_DAYS ? days as PeriodPreset : 30, timeZone, now)
}

/** The address of a period: a preset stays a preset ("the last 30 days" tomorrow too), typed dates stay dates. */
export function paramsOf(period: AnalyticsPeriod, timeZone: string, now = new Date()): Record<string, string> {
  const preset = presetOf(period, timeZone, now)
  if (preset === "month") return { period: "month" }
  return preset ? { days: String(preset) } : { from: period.from, to: period.to }
}

/** The preset this period is, if it is one ending today. */
export function presetOf(period: AnalyticsPeriod, timeZone: string, now = new Date()): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((preset) => {
      const p = presetPeriod(preset, timeZone, now)
      return p.from === period.from && p.to === period.to
    }) ?? null
  )
}

type ReportState = { report: AnalyticsReport | null; loading: boolean; error?: string }

/**
 * The store's zone, in which the page counts its days (`GET /admin/messaging/settings`, shared with the
 * other pages' cache). The page waits for it: presets computed in another zone would ask for the wrong days.
 */
export function useReportTimeZone(): { timeZone?: string; loading: boolean; error?: string; retry: () => void } {
  const query = useQuery({
    queryKey: storeSettingsKeys.detail("store"),
    queryFn: () => sdk.client.fetch<StoreSettings>("/admin/messaging/settings"),
    staleTime: Infinity,
  })
  return { timeZone: query.data?.time_zone, loading: query.isPending, error: query.error?.message, retry: () => void query.refetch() }
}

/** The admin's formats (`useFormat`) with the two the analytics add: ROI and calendar days. */
export function useAnalyticsFormat() {
  const format = useFormat()
  return {
    ...format,
    roi: (ratio: number | null | undefined) => formatRoi(ratio, format.locale),
    day: (day: string, style?: "medium" | "short") => formatDay(day, format.locale, style),
  }
}

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
