import { Container, Text } from "@medusajs/ui"
import { useAnalyticsFormat, type AnalyticsReport } from "../../lib/analytics"
import { useT } from "../../lib/i18n"

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
 * The period's totals: sent, delivered, clicks, CTR, orders, revenue, cost, ROI — money in the currency's
 * minor units, ROI as a signed percentage or "—" where there is none (no revenue, or no cost). Revenue is in
 * the report's currency and cost in the pricing's. Test sends are in none of them: they are counted below.
 */
export const AnalyticsKpiTiles = ({ report, loading }: { report: AnalyticsReport | null; loading: boolean }) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const totals = report?.totals
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency
  const tiles: Tile[] = [
    {
      key: "sent",
      label: t("analytics.kpis.sent"),
      raw: totals?.sent ?? null,
      value: f.number(totals?.sent),
      hint: totals ? t("analytics.kpis.segments", { count: totals.segments, formatted: f.number(totals.segments) }) : undefined,
    },
    {
      key: "delivered",
      label: t("analytics.kpis.delivered"),
      raw: totals?.delivered ?? null,
      value: f.number(totals?.delivered),
      hint: totals && totals.sent ? t("analytics.kpis.ofSent", { percent: f.percent(totals.delivered / totals.sent) }) : undefined,
    },
    {
      key: "clicks",
      label: t("analytics.kpis.clicks"),
      raw: totals?.clicks ?? null,
      value: f.number(totals?.clicks),
      hint: totals ? t("analytics.kpis.unique", { count: totals.unique_clicks, formatted: f.number(totals.unique_clicks) }) : undefined,
    },
    { key: "ctr", label: t("analytics.kpis.ctr"), raw: totals?.ctr ?? null, value: f.percent(totals?.ctr), hint: t("analytics.kpis.ctrHint") },
    {
      key: "orders",
      label: t("analytics.kpis.orders"),
      raw: totals?.orders ?? null,
      value: f.number(totals?.orders),
      hint: totals?.conversion_rate != null ? t("analytics.kpis.conversion", { percent: f.percent(totals.conversion_rate) }) : undefined,
    },
    {
      key: "revenue",
      label: t("analytics.kpis.revenue"),
      raw: totals?.revenue ?? null,
      value: f.money(totals?.revenue, currency),
      hint: totals?.revenue_per_message != null ? t("analytics.kpis.perMessage", { amount: f.money(totals.revenue_per_message, currency) }) : undefined,
    },
    { key: "cost", label: t("analytics.kpis.cost"), raw: totals?.cost ?? null, value: f.money(totals?.cost, costCurrency), hint: t("analytics.kpis.costHint") },
    {
      key: "roi",
      label: t("analytics.kpis.roi"),
      raw: totals?.roi ?? null,
      value: f.roi(totals?.roi),
      hint: totals?.roi == null ? t("analytics.kpis.roiNone") : t("analytics.kpis.roiHint"),
    },
  ]

  return (
    <div className="flex flex-col gap-y-2">
      <div className="grid gap-3" style={GRID_STYLE} data-testid="analytics-kpis" aria-busy={loading}>
        {tiles.map((tile) => (
          <Container key={tile.key} className="flex flex-col gap-y-1 px-4 py-3" data-testid={`kpi-${tile.key}`} data-value={tile.raw ?? ""}>
            <Text size="xsmall" weight="plus" className="uppercase text-ui-fg-muted">
              {tile.label}
            </Text>
            <Text size="xlarge" weight="plus" className="tabular-nums" data-testid="kpi-value">
              {report ? tile.value : "…"}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="kpi-hint">
              {report ? tile.hint ?? "\u00a0" : "\u00a0"}
            </Text>
          </Container>
        ))}
      </div>
      {!!report?.test_messages && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-test-messages" data-count={report.test_messages}>
          {t("analytics.kpis.testMessages", { count: report.test_messages })}
        </Text>
      )}
    </div>
  )
}
