import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { AnalyticsBreakdownTable } from "../../../components/analytics/analytics-breakdown-table"
import { AnalyticsChannelComparison } from "../../../components/analytics/analytics-channel-comparison"
import { AnalyticsCsvButton } from "../../../components/analytics/analytics-csv-button"
import { AnalyticsDailyChart } from "../../../components/analytics/analytics-daily-chart"
import { AnalyticsKpiTiles } from "../../../components/analytics/analytics-kpi-tiles"
import { AnalyticsPeriodFilter } from "../../../components/analytics/analytics-period-filter"
import {
  dailyByChannel,
  periodFromParams,
  presetOf,
  useAnalytics,
  type AnalyticsPeriod,
} from "../../../lib/analytics"
import { useCampaigns } from "../../../lib/campaigns"
import { formatMoney, formatNumber } from "../../../lib/format"
import { BackLink } from "../../../components/shared/back-link"

// Inline: the dashboard's Tailwind build does not generate every responsive class a plugin uses.
const TWO_COLUMNS = { gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))" } as const

/**
 * Settings → SMS & RCS → Analytics: what the messages sent in a period did — delivered, clicked, orders and
 * revenue credited to them, cost and ROI — per channel, per day, per template, automation and campaign.
 * The period is in the address (`?days=30`, or `?from=…&to=…`), so a reload or a shared link keeps it.
 */
const AnalyticsPage = () => {
  const [params, setParams] = useSearchParams()
  // The period lives in state, read from the address once: the address follows it. Read back from the
  // address on each change, two quick edits (from, then to) would see the first one's address not yet
  // updated (the router applies it in a transition) and lose it.
  const [period, setPeriod] = useState<AnalyticsPeriod>(() => periodFromParams(params))
  useEffect(() => {
    // a preset stays a preset ("the last 30 days" tomorrow too); dates typed in stay those dates
    const days = presetOf(period)
    setParams(days ? { days: String(days) } : { from: period.from, to: period.to }, { replace: true })
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
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-analytics-page">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <Heading level="h1">SMS &amp; RCS analytics</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The messages sent in the period and the orders credited to them (last touch: a click, a read, a
              delivery or a reply inside its window). Revenue counts orders in {currency ?? "the main currency"} only.
            </Text>
          </div>
          <AnalyticsCsvButton period={period} />
        </div>
        <AnalyticsPeriodFilter period={period} onChange={setPeriod} />
        {channels.error && (
          <Text className="text-ui-fg-error" data-testid="analytics-error">
            Could not load the analytics: {channels.error}
          </Text>
        )}
      </Container>

      <AnalyticsKpiTiles report={channels.report} loading={channels.loading} />

      <div className="grid gap-3" style={TWO_COLUMNS} data-testid="analytics-daily">
        <AnalyticsDailyChart
          title="Revenue per day"
          description="Orders credited to the messages sent that day, by channel."
          points={revenuePoints}
          format={(v) => formatMoney(v, currency, 0)}
          testId="analytics-chart-revenue"
        />
        <AnalyticsDailyChart
          title="Clicks per day"
          description="Taps on tracked links (link previews left out), by the day the message was sent."
          points={clickPoints}
          format={(v) => formatNumber(v)}
          integer
          testId="analytics-chart-clicks"
        />
      </div>
      {daily.error && <Text className="text-ui-fg-error">Could not load the daily figures: {daily.error}</Text>}

      <AnalyticsChannelComparison report={channels.report} />

      <AnalyticsBreakdownTable
        title="Top templates"
        description="The ten templates that brought the most revenue."
        dimension="template"
        limit={10}
        testId="analytics-templates"
        {...templates}
      />
      <AnalyticsBreakdownTable
        title="By automation"
        description="Texts the store sends on its own; campaign messages together."
        dimension="automation"
        testId="analytics-automations"
        {...automations}
      />
      {/* full width: a campaign's name and its seven figures do not fit in half the page */}
      <AnalyticsBreakdownTable
        title="By campaign"
        description="Marketing sends with a campaign; other messages under None."
        dimension="campaign"
        names={campaignNames}
        testId="analytics-campaigns"
        {...campaigns}
      />

      <BackLink to="/messaging" label="Messaging" />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.menu.analytics",
  translationNs: "sms-rcs",
  // the order under Messaging in the sidebar: Campaigns, Analytics, Messages, Consents
  rank: 20,
})

export const handle = {
  breadcrumb: () => "Analytics",
}

export default AnalyticsPage
