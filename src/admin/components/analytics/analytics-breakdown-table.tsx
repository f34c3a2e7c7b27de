import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { byRevenue, type AnalyticsDimension, type AnalyticsReport } from "../../lib/analytics"
import { formatMoney, formatNumber, formatPercent } from "../../lib/format"

/**
 * The report grouped by one dimension (template, automation, campaign), highest revenue first. The API
 * names the messages without one `(none)` (and automation `(campaign)` for a campaign's messages); they
 * are shown as words, not as codes.
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
  dimension: Exclude<AnalyticsDimension, "day" | "channel">
  report: AnalyticsReport | null
  loading: boolean
  error?: string
  /** Only the first rows (a top N); the CSV has them all. */
  limit?: number
  /** What the owner calls each value (a campaign's name for its id); the value itself is its tooltip. */
  names?: Record<string, string>
  testId: string
}) => {
  const all = byRevenue(report?.rows ?? [])
  const rows = limit ? all.slice(0, limit) : all
  const currency = report?.currency ?? null
  const costCurrency = report?.cost_currency ?? currency

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
      {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load: {error}</Text>}
      {!error && report && rows.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No message was sent in this period.
        </Text>
      )}
      {!error && rows.length > 0 && (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{DIMENSION_LABELS[dimension]}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Sent</Table.HeaderCell>
                <Table.HeaderCell className="text-right">CTR</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Cost</Table.HeaderCell>
                <Table.HeaderCell className="text-right">ROI</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => {
                const value = String(row[dimension] ?? "")
                return (
                  <Table.Row key={value} data-testid="analytics-breakdown-row" data-key={value}>
                    <Table.Cell>{dimensionValue(dimension, value, names?.[value])}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatNumber(row.sent)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatPercent(row.ctr)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-orders">{formatNumber(row.orders)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums" data-testid="cell-revenue" data-value={row.revenue}>
                      {formatMoney(row.revenue, currency)}
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatMoney(row.cost, costCurrency, 4)}</Table.Cell>
                    <Table.Cell className="text-right tabular-nums">{formatPercent(row.roi, 0)}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {limit && all.length > limit && (
        <Text size="xsmall" className="px-6 py-2 text-ui-fg-muted">
          {all.length - limit} more in the CSV.
        </Text>
      )}
    </Container>
  )
}

const DIMENSION_LABELS: Record<Exclude<AnalyticsDimension, "day" | "channel">, string> = {
  template: "Template",
  automation: "Automation",
  campaign: "Campaign",
}

const PLACEHOLDERS: Record<string, string> = {
  "(none)": "None",
  "(campaign)": "Campaigns",
}

function dimensionValue(dimension: string, value: string, name: string | undefined): ReactNode {
  if (PLACEHOLDERS[value]) {
    return (
      <Text size="small" className="text-ui-fg-muted" title={`${dimension}: ${value}`}>
        {PLACEHOLDERS[value]}
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
