import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { dailyByChannel, MAX_PERIOD_DAYS, paramsOf, periodDays, periodFromParams, useAnalytics, useAnalyticsFormat, type AnalyticsPeriod } from "../../lib/analytics"
import { useCampaigns } from "../../lib/campaigns"
import { useT } from "../../lib/i18n"
import { AnalyticsBreakdownTable } from "./analytics-breakdown-table"
import { AnalyticsIncrementalityTable } from "./analytics-incrementality-table"
import { AnalyticsChannelComparison } from "./analytics-channel-comparison"
import { AnalyticsCsvButton } from "./analytics-csv-button"
import { AnalyticsDailyChart } from "./analytics-daily-chart"
import { AnalyticsKpiTiles } from "./analytics-kpi-tiles"
import { AnalyticsPeriodFilter } from "./analytics-period-filter"

// Inline: the dashboard's Tailwind build does not generate every responsive class a plugin uses.
const TWO_COLUMNS = { gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))" } as const

/**
 * The analytics of a period in the store's zone (`timeZone`): the tiles, the charts per day, SMS against
 * RCS, and the breakdowns by template, automation and campaign. The period is in the address (`?days=30`,
 * `?period=month` or `?from=…&to=…`), so a reload or a shared link keeps it.
 */
export const AnalyticsReportView = ({ timeZone }: { timeZone: string }) => {
  const { t } = useT()
  const f = useAnalyticsFormat()
  const [params, setParams] = useSearchParams()
  // The period lives in state, read from the address once: the address follows it. Read back from the
  // address on each change, two quick edits (from, then to) would see the first one's address not yet
  // updated (the router applies it in a transition) and lose it.
  const [period, setPeriod] = useState<AnalyticsPeriod>(() => periodFromParams(params, timeZone))
  useEffect(() => {
    setParams(paramsOf(period, timeZone), { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period.from, period.to])

  const channels = useAnalytics(period, "channel")
  const daily = useAnalytics(period, "day,channel")
  const templates = useAnalytics(period, "template")
  const automations = useAnalytics(period, "automation")
  const campaigns = useAnalytics(period, "campaign")
  const campaignList = useCampaigns().data?.campaigns
  const campaignNames = useMemo(() => Object.fromEntries((campaignList ?? []).map((c) => [c.id, c.name])), [campaignList])

  const currency = channels.report?.currency ?? null
  const revenuePoints = useMemo(() => dailyByChannel(daily.report, period, "revenue"), [daily.report, period])
  const clickPoints = useMemo(() => dailyByChannel(daily.report, period, "clicks"), [daily.report, period])

  return (
    <>
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <Heading level="h1">{t("analytics.page.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("analytics.page.intro", { currency: currency ?? t("analytics.page.mainCurrency") })}
            </Text>
          </div>
          <AnalyticsCsvButton period={period} />
        </div>
        <AnalyticsPeriodFilter period={period} timeZone={timeZone} onChange={setPeriod} />
        {channels.error && (
          <Text className="text-ui-fg-error" data-testid="analytics-error">
            {t("analytics.page.error", { error: channels.error })}
          </Text>
        )}
      </Container>

      <AnalyticsKpiTiles report={channels.report} loading={channels.loading} />

      <div className="grid gap-3" style={TWO_COLUMNS} data-testid="analytics-daily">
        <AnalyticsDailyChart
          title={t("analytics.charts.revenueTitle")}
          description={t("analytics.charts.revenueDescription")}
          points={revenuePoints}
          format={(v) => f.money(v, currency, 0)}
          loading={!daily.report && !daily.error}
          error={daily.error}
          testId="analytics-chart-revenue"
        />
        <AnalyticsDailyChart
          title={t("analytics.charts.clicksTitle")}
          description={t("analytics.charts.clicksDescription")}
          points={clickPoints}
          format={(v) => f.number(v)}
          integer
          loading={!daily.report && !daily.error}
          error={daily.error}
          testId="analytics-chart-clicks"
        />
      </div>

      <AnalyticsChannelComparison report={channels.report} loading={channels.loading} error={channels.error} />

      <AnalyticsBreakdownTable
        title={t("analytics.tables.templatesTitle")}
        description={t("analytics.tables.templatesDescription")}
        dimension="template"
        limit={10}
        testId="analytics-templates"
        {...templates}
      />
      <AnalyticsBreakdownTable
        title={t("analytics.tables.automationsTitle")}
        description={t("analytics.tables.automationsDescription")}
        dimension="automation"
        testId="analytics-automations"
        {...automations}
      />
      {/* full width: a campaign's name and its seven figures do not fit in half the page */}
      <AnalyticsBreakdownTable
        title={t("analytics.tables.campaignsTitle")}
        description={t("analytics.tables.campaignsDescription")}
        dimension="campaign"
        names={campaignNames}
        testId="analytics-campaigns"
        {...campaigns}
      />
      <AnalyticsIncrementalityTable days={Math.min(MAX_PERIOD_DAYS, Math.max(1, periodDays(period).length))} />
    </>
  )
}
