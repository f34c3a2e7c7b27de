import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { FailureReasons } from "../../components/overview/failure-reasons"
import { NextCampaign } from "../../components/overview/next-campaign"
import { OverviewTiles } from "../../components/overview/overview-tiles"
import { ProviderHealthList } from "../../components/overview/provider-health-list"
import { SectionLinks } from "../../components/overview/section-links"
import { useT } from "../../lib/i18n"
import { useMessagingOverview } from "../../lib/overview"

/**
 * Messaging: the plugin's entry in the admin's main menu. The overview shows the state of the store's
 * texts — providers, sent today and this month, the last day's failures and why, opt-outs, spend, the next
 * campaign — and leads to the pages under it. Configuration (templates, automations, providers) stays in
 * Settings → SMS & RCS.
 */
const MessagingPage = () => {
  const { t } = useT()
  const { data: overview, error, isPending: loading, refetch, isFetching } = useMessagingOverview()
  return (
    <div className="flex flex-col gap-y-3" data-testid="messaging-overview">
      <Container className="px-6 py-4">
        <Heading level="h1">{t("common.menu.messaging")}</Heading>
        {overview && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="overview-zone">
            {t("overview.subtitle", { zone: overview.time_zone })}
          </Text>
        )}
      </Container>
      {loading && (
        <Container className="px-6 py-4" aria-busy>
          <Text size="small" className="text-ui-fg-subtle" data-testid="overview-loading">
            {t("common.loading")}
          </Text>
        </Container>
      )}
      {error && (
        <Container className="flex items-center justify-between gap-x-3 px-6 py-4" role="alert" data-testid="overview-error">
          <Text size="small" className="text-ui-fg-error">
            {t("overview.error", { error: error.message })}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching}>
            {t("common.retry")}
          </Button>
        </Container>
      )}
      {overview && (
        <>
          <OverviewTiles overview={overview} />
          <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}>
            <FailureReasons failures={overview.failures_24h} />
            <div className="flex flex-col gap-y-3">
              <ProviderHealthList providers={overview.providers} zone={overview.time_zone} />
              <NextCampaign campaign={overview.next_campaign} zone={overview.time_zone} />
            </div>
          </div>
        </>
      )}
      <SectionLinks />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.menu.messaging",
  translationNs: "sms-rcs",
  icon: ChatBubbleLeftRight,
  rank: 60,
})

/** The breadcrumb in the admin's language (a component, so that it can use the translation hook). */
const Breadcrumb = () => <>{useT().t("common.menu.messaging")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default MessagingPage
