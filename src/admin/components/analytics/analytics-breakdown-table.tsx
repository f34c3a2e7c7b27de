import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { byRevenue, useAnalyticsFormat, type AnalyticsDimension, type AnalyticsReport } from "../../lib/analytics"
import { useT } from "../../lib/i18n"

type Dimension = Exclude<AnalyticsDimension, "day" | "channel">

/**
 * The report grouped by one dimension (template, automation, campaign), highest revenue first. The API
 * names the messages without one `(none)` (and automation `(campaign)` for a campaign's messages); they
 * are shown as words, not as codes. Money in the currency's minor units, ROI as the tiles show it.
 */
export const AnalyticsBreakdownTable = ({
  title,
  description,
  dimension,
  report,
  loading,
  error,
  limit,
  names,
  testId,
}: {
  title: string
  description?: string
  dimension: Dimension
  report: AnalyticsReport | null
  loading: boolean
  error?: string
  /** Only the first rows (a top N); the CSV has them all. */
  limit?: number
  /** What the owner calls each value (a campaign's name for its id); the value itself is its tooltip. */
  names?: Record<string, string>
  testId: string
}) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const all = byRevenue(report?.rows ?? [])
  const rows = limit ? all.slice(0, limit) : all
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency
  const placeholders: Record<string, string> = { "(none)": t("analytics.tables.none"), "(campaign)": t("analytics.tables.campaigns") }

  return (
    <Container className="flex min-w-0 flex-col divide-y p-0" data-testid={testId} aria-busy={loading}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{t("analytics.tables.error", { error })}</Text>}
      {!error && !report && loading && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("common.loading")}
        </Text>
      )}
      {!error && report && rows.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("analytics.tables.empty")}
        </Text>
      )}
      {!error && rows.length > 0 && (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t(`analytics.columns.${dimension}`)}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.sent")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.ctr")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.orders")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.revenue")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.cost")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.columns.roi")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => {
                const value = String(row[dimension] ?? "")
                return (
                  <Table.Row key={value} data-testid="analytics-breakdown-row" data-key={value}>
                    <Table.Cell>{dimensionValue(dimension, value, placeholders[value], names?.[value])}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-sent">{f.number(row.sent)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{f.percent(row.ctr)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-orders">{f.number(row.orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-revenue" data-value={row.revenue}>
                      {f.money(row.revenue, currency)}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-cost">{f.money(row.cost, costCurrency)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-roi">{f.roi(row.roi)}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {limit && all.length > limit && (
        <Text size="xsmall" className="px-6 py-2 text-ui-fg-muted">
          {t("analytics.tables.more", { count: all.length - limit })}
        </Text>
      )}
    </Container>
  )
}

function dimensionValue(dimension: string, value: string, placeholder: string | undefined, name: string | undefined): ReactNode {
  if (placeholder) {
    return (
      <Text size="small" className="text-ui-fg-muted" title={`${dimension}: ${value}`}>
        {placeholder}
      </Text>
    )
  }
  if (name) {
    return (
      <Text size="small" title={value} data-testid="analytics-breakdown-name">
        {name}
      </Text>
    )
  }
  return <code className="font-mono text-xs">{value}</code>
}
