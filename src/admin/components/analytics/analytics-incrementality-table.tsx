import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useAnalyticsFormat } from "../../lib/analytics"
import { useT } from "../../lib/i18n"
import { useIncrementality, type IncrementalityRow } from "../../lib/incrementality"

/**
 * Analytics → Incrementality: per automation and campaign with a holdout (and per channel), the treated
 * recipients against the held-out ones — conversion, revenue per recipient, the incremental revenue with
 * its 95 % interval, the lift and the z-test's p-value — or "not enough data yet" while a group is below
 * the minimum. The period is the page's, counted back from now in days (the API's `days`).
 */
export const AnalyticsIncrementalityTable = ({ days }: { days: number }) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const { report, loading, error } = useIncrementality(days)
  const currency = report?.currency ?? null
  const rows = report?.rows ?? []

  const label = (row: IncrementalityRow) =>
    row.kind === "automation" ? t(`automations.names.${row.key}`, { defaultValue: row.key }) : row.name ?? row.key
  const money = (value: number | null | undefined) => (value === null || value === undefined ? "—" : f.money(value, currency))

  return (
    <Container className="flex min-w-0 flex-col divide-y p-0" data-testid="analytics-incrementality" aria-busy={loading}>
      <div className="px-6 py-4">
        <Heading level="h2">{t("analytics.incrementality.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("analytics.incrementality.description", { min: report?.min_recipients_per_group ?? 30, days })}
        </Text>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{t("analytics.tables.error", { error })}</Text>}
      {!error && !report && loading && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("common.loading")}
        </Text>
      )}
      {!error && report && rows.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="incrementality-empty">
          {t("analytics.incrementality.empty")}
        </Text>
      )}
      {!error && rows.length > 0 && (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("analytics.incrementality.columns.source")}</Table.HeaderCell>
                <Table.HeaderCell>{t("analytics.incrementality.columns.channel")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.incrementality.columns.recipients")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.incrementality.columns.conversion")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.incrementality.columns.revenuePerRecipient")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.incrementality.columns.incrementalRevenue")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("analytics.incrementality.columns.lift")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row
                  key={`${row.kind}:${row.key}:${row.channel}`}
                  data-testid="incrementality-row"
                  data-key={row.key}
                  data-channel={row.channel}
                  data-status={row.status}
                >
                  <Table.Cell>
                    <Text size="small" title={row.key}>
                      {label(row)}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {t(`analytics.incrementality.kinds.${row.kind}`)}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>{row.channel === "all" ? t("analytics.incrementality.allChannels") : row.channel.toUpperCase()}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="cell-recipients">
                    {t("analytics.incrementality.versus", { treated: f.number(row.treated.recipients), held: f.number(row.held_out.recipients) })}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="cell-conversion">
                    {t("analytics.incrementality.versus", { treated: f.percent(row.treated.conversion_rate), held: f.percent(row.held_out.conversion_rate) })}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="cell-rpr">
                    {t("analytics.incrementality.versus", {
                      treated: money(row.treated.revenue_per_recipient),
                      held: money(row.held_out.revenue_per_recipient),
                    })}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="cell-incremental" data-value={row.incremental_revenue}>
                    {money(row.incremental_revenue)}
                    {row.incremental_revenue_interval && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {t("analytics.incrementality.interval", {
                          low: money(row.incremental_revenue_interval.low),
                          high: money(row.incremental_revenue_interval.high),
                        })}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-testid="cell-lift">
                    {row.status === "not_enough_data" ? (
                      <Badge size="2xsmall" color="grey" data-testid="incrementality-not-enough">
                        {t("analytics.incrementality.notEnough")}
                      </Badge>
                    ) : (
                      <>
                        {row.conversion_lift === null ? "—" : f.percent(row.conversion_lift)}
                        {row.conversion_test && (
                          <Text size="xsmall" className="text-ui-fg-muted">
                            {t("analytics.incrementality.pValue", { p: f.number(row.conversion_test.p_value, 3) })}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
