import { Container, Text } from "@medusajs/ui"
import type { AnalyticsReport } from "../../lib/analytics"
import { formatMoney, formatNumber, formatPercent } from "../../lib/format"

// Inline: the dashboard's Tailwind build does not generate every responsive class a plugin uses.
// Four per row: the eight tiles make two even rows.
const GRID_STYLE = { gridTemplateColumns: "repeat(4, minmax(0, 1fr))" } as const

type Tile = {
  key: string
  label: string
  /** The number as the API gave it, kept on the tile (`data-value`) so it can be checked without parsing. */
  raw: number | null
  value: string
  hint?: string
}

/**
 * The period's totals: sent, delivered, clicks, CTR, orders, revenue, cost, ROI. Revenue is in the report's
 * currency and cost in the pricing's; ROI is the API's (revenue − cost) ÷ cost.
 */
export const AnalyticsKpiTiles = ({ report, loading }: { report: AnalyticsReport | null; loading: boolean }) => {
  const t = report?.totals
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency
  const tiles: Tile[] = [
    { key: "sent", label: "Sent", raw: t?.sent ?? null, value: formatNumber(t?.sent), hint: t ? `${formatNumber(t.segments)} segments` : undefined },
    {
      key: "delivered",
      label: "Delivered",
      raw: t?.delivered ?? null,
      value: formatNumber(t?.delivered),
      hint: t && t.sent ? `${formatPercent(t.delivered / t.sent)} of sent` : undefined,
    },
    { key: "clicks", label: "Clicks", raw: t?.clicks ?? null, value: formatNumber(t?.clicks), hint: t ? `${formatNumber(t.unique_clicks)} unique` : undefined },
    { key: "ctr", label: "CTR", raw: t?.ctr ?? null, value: formatPercent(t?.ctr), hint: "unique clicks ÷ delivered" },
    {
      key: "orders",
      label: "Orders",
      raw: t?.orders ?? null,
      value: formatNumber(t?.orders),
      hint: t?.conversion_rate !== null && t?.conversion_rate !== undefined ? `${formatPercent(t.conversion_rate)} conversion` : undefined,
    },
    {
      key: "revenue",
      label: "Revenue",
      raw: t?.revenue ?? null,
      value: formatMoney(t?.revenue, currency),
      hint: t?.revenue_per_message !== null && t?.revenue_per_message !== undefined ? `${formatMoney(t.revenue_per_message, currency, 4)} per message` : undefined,
    },
    { key: "cost", label: "Cost", raw: t?.cost ?? null, value: formatMoney(t?.cost, costCurrency, 4), hint: "estimated from the pricing" },
    { key: "roi", label: "ROI", raw: t?.roi ?? null, value: formatPercent(t?.roi, 0), hint: "(revenue − cost) ÷ cost" },
  ]

  return (
    <div className="grid gap-3" style={GRID_STYLE} data-testid="analytics-kpis" aria-busy={loading}>
      {tiles.map((tile) => (
        <Container key={tile.key} className="flex flex-col gap-y-1 px-4 py-3" data-testid={`kpi-${tile.key}`} data-value={tile.raw ?? ""}>
          <Text size="xsmall" weight="plus" className="uppercase text-ui-fg-muted">
            {tile.label}
          </Text>
          <Text size="xlarge" weight="plus" className="tabular-nums" data-testid="kpi-value">
            {report ? tile.value : "…"}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {report ? tile.hint ?? "\u00a0" : "\u00a0"}
          </Text>
        </Container>
      ))}
    </div>
  )
}
