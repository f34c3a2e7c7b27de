import { Container, Heading, Text } from "@medusajs/ui"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useAnalyticsFormat, type DailyPoint } from "../../lib/analytics"
import { useT } from "../../lib/i18n"
import { CHANNEL_COLORS, CHANNEL_LABELS } from "../../lib/channels"

const AXIS_TICK = { fill: "var(--fg-muted)", fontSize: 11 }

/**
 * One metric per day with one line per channel, SMS and RCS on the same axes. Animation is off: the
 * lines are redrawn whenever the period changes, and a chart that settles at once is also one a
 * screenshot shows as it is. Days are the store's (the report's zone), written in the admin's language.
 */
export const AnalyticsDailyChart = ({
  title,
  description,
  points,
  format,
  integer = false,
  loading = false,
  error,
  testId,
}: {
  title: string
  description?: string
  points: DailyPoint[]
  /** How a value reads in the axis and the tooltip (money, count …). */
  format: (value: number) => string
  /** Counts (clicks, orders): whole-number ticks only, not 0, 0.25, 0.5 … */
  integer?: boolean
  /** No report yet: a flat line at zero would read as "nothing sold", so the chart waits. */
  loading?: boolean
  /** The report failed: said in place of the chart, not drawn as zeros. */
  error?: string
  testId: string
}) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const total = points.reduce((sum, p) => sum + p.sms + p.rcs, 0)
  return (
    <Container className="flex min-w-0 flex-col gap-y-3 px-6 py-4" data-testid={testId} data-total={total}>
      <div>
        <Heading level="h2">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      {error || loading ? (
        <div className="flex items-center justify-center" style={{ width: "100%", height: 240 }}>
          <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid={error ? "analytics-chart-error" : "analytics-chart-loading"}>
            {error ? t("analytics.page.dailyError", { error }) : t("common.loading")}
          </Text>
        </div>
      ) : (
        <div style={{ width: "100%", height: 240 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={AXIS_TICK} tickFormatter={(day: string) => f.day(day, "short")} minTickGap={16} stroke="var(--border-base)" />
              <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => format(v)} width={72} allowDecimals={!integer} stroke="var(--border-base)" />
              <Tooltip
                formatter={(value, name) => [format(Number(value)), name]}
                labelFormatter={(day) => f.day(String(day))}
                contentStyle={{ background: "var(--bg-base)", border: "1px solid var(--border-base)", borderRadius: 8, fontSize: 12 }}
                labelStyle={{ color: "var(--fg-base)" }}
              />
              {/* itemSorter null: SMS then RCS as drawn, everywhere, not alphabetical */}
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {(["sms", "rcs"] as const).map((channel) => (
                <Line
                  key={channel}
                  type="monotone"
                  dataKey={channel}
                  name={CHANNEL_LABELS[channel]}
                  stroke={CHANNEL_COLORS[channel]}
                  strokeWidth={2}
                  dot={points.length <= 31}
                  isAnimationActive={false}
                  className={`analytics-series analytics-series-${channel}`}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Container>
  )
}
