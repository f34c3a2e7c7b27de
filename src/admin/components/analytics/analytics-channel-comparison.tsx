import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { rowsPerChannel, useAnalyticsFormat, type AnalyticsMetrics, type AnalyticsReport } from "../../lib/analytics"
import { CHANNEL_COLORS, CHANNEL_LABELS } from "../../lib/channels"
import { useT } from "../../lib/i18n"
import { ChannelBadge } from "../shared/channel-badge"

const AXIS_TICK = { fill: "var(--fg-muted)", fontSize: 11 }

/** The rates worth comparing between channels whatever their volumes: each is a share, not a count. */
const RATES: Array<{ label: "delivered" | "read" | "ctr" | "conversion"; of: (r: AnalyticsMetrics) => number | null }> = [
  { label: "delivered", of: (r) => (r.sent ? r.delivered / r.sent : null) },
  { label: "read", of: (r) => (r.delivered ? r.read / r.delivered : null) },
  { label: "ctr", of: (r) => r.ctr },
  { label: "conversion", of: (r) => r.conversion_rate },
]

/**
 * SMS against RCS for the period: every metric in a table (both channels always listed, a channel that
 * sent nothing with zeros), and the rates side by side in bars. Money and ROI as the tiles show them.
 */
export const AnalyticsChannelComparison = ({ report, loading, error }: { report: AnalyticsReport | null; loading: boolean; error?: string }) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const rows = rowsPerChannel(report)
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency
  const bars = RATES.map((rate) => ({
    rate: t(`analytics.columns.${rate.label}`),
    ...Object.fromEntries(rows.map((row) => [row.channel, rate.of(row) ?? 0])),
  }))

  return (
    <Container className="divide-y p-0" data-testid="analytics-channels">
      <div className="px-6 py-4">
        <Heading level="h2">{t("analytics.channels.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("analytics.channels.description")}
        </Text>
      </div>
      {/* zeros before the report arrives, or after it failed, would read as "nothing sent" */}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{t("analytics.tables.error", { error })}</Text>}
      {!error && !report && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" aria-busy={loading}>
          {t("common.loading")}
        </Text>
      )}
      {!error && report && (
        <>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("analytics.columns.channel")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.sent")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.delivered")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.read")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.clicks")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.ctr")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.orders")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.conversion")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.revenue")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.cost")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">{t("analytics.columns.roi")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((row) => (
                  <Table.Row key={row.channel} data-testid="analytics-channel-row" data-channel={row.channel}>
                    <Table.Cell>
                      <ChannelBadge channel={row.channel} />
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-sent">{f.number(row.sent)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-delivered">{f.number(row.delivered)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-read">{f.number(row.read)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-clicks">
                      {f.number(row.clicks)}
                      <span className="text-ui-fg-muted"> {t("analytics.channels.unique", { count: row.unique_clicks, formatted: f.number(row.unique_clicks) })}</span>
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-ctr">{f.percent(row.ctr)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-orders">{f.number(row.orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-conversion">{f.percent(row.conversion_rate)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-revenue" data-value={row.revenue}>
                      {f.money(row.revenue, currency)}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-cost">{f.money(row.cost, costCurrency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-roi">{f.roi(row.roi)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="px-6 py-4" data-testid="analytics-channel-bars">
            <div style={{ width: "100%", height: 220 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="rate" tick={AXIS_TICK} stroke="var(--border-base)" />
                  <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => f.percent(v, 0)} domain={[0, "auto"]} width={56} stroke="var(--border-base)" />
                  <Tooltip
                    formatter={(value, name) => [f.percent(Number(value)), name]}
                    contentStyle={{ background: "var(--bg-base)", border: "1px solid var(--border-base)", borderRadius: 8, fontSize: 12 }}
                    cursor={{ fill: "var(--bg-subtle)" }}
                  />
                  {/* itemSorter null: SMS then RCS as drawn, everywhere, not alphabetical */}
                  <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                  {(["sms", "rcs"] as const).map((channel) => (
                    <Bar key={channel} dataKey={channel} name={CHANNEL_LABELS[channel]} fill={CHANNEL_COLORS[channel]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </div>
        </>
      )}
    </Container>
  )
}
