import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { rowsPerChannel, type AnalyticsMetrics, type AnalyticsReport } from "../../lib/analytics"
import { CHANNEL_COLORS, CHANNEL_LABELS } from "../../lib/channels"
import { formatMoney, formatNumber, formatPercent } from "../../lib/format"
import { ChannelBadge } from "../shared/channel-badge"

const AXIS_TICK = { fill: "var(--fg-muted)", fontSize: 11 }

/** The rates worth comparing between channels whatever their volumes: each is a share, not a count. */
const RATES: Array<{ label: string; of: (r: AnalyticsMetrics) => number | null }> = [
  { label: "Delivered", of: (r) => (r.sent ? r.delivered / r.sent : null) },
  { label: "Read", of: (r) => (r.delivered ? r.read / r.delivered : null) },
  { label: "CTR", of: (r) => r.ctr },
  { label: "Conversion", of: (r) => r.conversion_rate },
]

/**
 * SMS against RCS for the period: every metric in a table (both channels always listed, a channel that
 * sent nothing with zeros), and the rates side by side in bars.
 */
export const AnalyticsChannelComparison = ({ report }: { report: AnalyticsReport | null }) => {
  const rows = rowsPerChannel(report)
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency
  const bars = RATES.map((rate) => ({
    rate: rate.label,
    ...Object.fromEntries(rows.map((row) => [row.channel, rate.of(row) ?? 0])),
  }))

  return (
    <Container className="divide-y p-0" data-testid="analytics-channels">
      <div className="px-6 py-4">
        <Heading level="h2">SMS vs RCS</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What each channel delivered, got clicked and sold. Delivered is a share of sent, read and CTR of delivered.
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Channel</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Sent</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Delivered</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Read</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Clicks</Table.HeaderCell>
              <Table.HeaderCell className="text-right">CTR</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Conversion</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Cost</Table.HeaderCell>
              <Table.HeaderCell className="text-right">ROI</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.channel} data-testid="analytics-channel-row" data-channel={row.channel}>
                <Table.Cell>
                  <ChannelBadge channel={row.channel} />
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-sent">{formatNumber(row.sent)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-delivered">{formatNumber(row.delivered)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-read">{formatNumber(row.read)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-clicks">
                  {formatNumber(row.clicks)}
                  <span className="text-ui-fg-muted"> ({formatNumber(row.unique_clicks)} unique)</span>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-ctr">{formatPercent(row.ctr)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-orders">{formatNumber(row.orders)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-conversion">{formatPercent(row.conversion_rate)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-revenue" data-value={row.revenue}>
                  {formatMoney(row.revenue, currency)}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-cost">{formatMoney(row.cost, costCurrency, 4)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="cell-roi">{formatPercent(row.roi, 0)}</Table.Cell>
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
              <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => formatPercent(v, 0)} domain={[0, "auto"]} width={56} stroke="var(--border-base)" />
              <Tooltip
                formatter={(value, name) => [formatPercent(Number(value)), name]}
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
    </Container>
  )
}
