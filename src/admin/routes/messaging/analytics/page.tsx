import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Text } from "@medusajs/ui"
import { AnalyticsReportView } from "../../../components/analytics/analytics-report"
import { BackLink } from "../../../components/shared/back-link"
import { useReportTimeZone } from "../../../lib/analytics"
import { useT } from "../../../lib/i18n"

/**
 * Messaging → Analytics: what the messages sent in a period did — delivered, clicked, orders and revenue
 * credited to them, cost and ROI — per channel, per day, per template, automation and campaign. Days are
 * the store's: the page waits for its zone (`GET /admin/messaging/settings`) before it asks for any.
 */
const AnalyticsPage = () => {
  const { t } = useT()
  const zone = useReportTimeZone()

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-analytics-page">
      {zone.timeZone ? (
        <AnalyticsReportView timeZone={zone.timeZone} />
      ) : (
        <Container className="flex flex-col items-start gap-y-2 px-6 py-4">
          {zone.error ? (
            <>
              <Text className="text-ui-fg-error" data-testid="analytics-error">
                {t("analytics.page.zoneError", { error: zone.error })}
              </Text>
              <Button size="small" variant="secondary" onClick={zone.retry}>
                {t("common.retry")}
              </Button>
            </>
          ) : (
            <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-loading">
              {t("analytics.page.zoneLoading")}
            </Text>
          )}
        </Container>
      )}
      <BackLink to="/messaging" label={t("common.menu.messaging")} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.menu.analytics",
  translationNs: "sms-rcs",
  // the order under Messaging in the sidebar: Campaigns, Analytics, Messages, Consents
  rank: 20,
})

/** The breadcrumb in the admin's language (a component, so that it can use the translation hook). */
const Breadcrumb = () => <>{useT().t("common.menu.analytics")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default AnalyticsPage
