import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { CampaignStatusBadge } from "../../../components/campaigns/campaign-status-badge"
import { useCampaigns } from "../../../lib/campaigns"
import { useFormat, useT } from "../../../lib/i18n"
import { I18nBreadcrumb } from "../../../components/campaigns/i18n-breadcrumb"
import { BackLink } from "../../../components/shared/back-link"
import { useStoreTimeZone } from "../../../lib/store-settings"

/** Messaging → Campaigns: every campaign, newest first, with where it stands. */
const CampaignsPage = () => {
  const { data, isPending: loading, error } = useCampaigns()
  const campaigns = data?.campaigns ?? []
  const navigate = useNavigate()
  const zone = useStoreTimeZone()
  const { t } = useT()
  const format = useFormat()
  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaigns-page">
      <Container className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">{t("campaigns.list.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("campaigns.list.intro")}
          </Text>
        </div>
        <Button size="small" onClick={() => navigate("/messaging/campaigns/new")} data-testid="campaign-create">
          {t("campaigns.list.create")}
        </Button>
      </Container>
      <Container className="p-0">
        {error && (
          <Text className="px-6 py-4 text-ui-fg-error" data-testid="campaigns-error">
            {t("campaigns.list.loadError", { message: error.message })}
          </Text>
        )}
        {loading && (
          <Text size="small" className="px-6 py-4 text-ui-fg-muted" data-testid="campaigns-loading">
            {t("campaigns.list.loading")}
          </Text>
        )}
        {!loading && !campaigns.length && !error && (
          <Text size="small" className="px-6 py-4 text-ui-fg-muted" data-testid="campaigns-empty">
            {t("campaigns.list.empty")}
          </Text>
        )}
        {campaigns.length > 0 && (
          <Table data-testid="campaigns-table">
            <Table.Header>
              <Table.Row>
                {(["name", "status", "variants", "scheduled", "audience", "planned"] as const).map((h) => (
                  <Table.HeaderCell key={h}>{t(`campaigns.list.columns.${h}`)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {campaigns.map((c) => (
                <Table.Row key={c.id} className="cursor-pointer" onClick={() => navigate(`/messaging/campaigns/${c.id}`)} data-testid={`campaign-row-${c.id}`}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>
                    <CampaignStatusBadge status={c.status} />
                  </Table.Cell>
                  <Table.Cell>{c.variants.length}{c.ab_test ? ` ${t("campaigns.list.abTest", { share: c.ab_test.test_share })}` : ""}</Table.Cell>
                  <Table.Cell data-testid="campaign-scheduled">{format.dateTime(c.scheduled_at, zone)}</Table.Cell>
                  <Table.Cell>{format.number(c.audience_count)}</Table.Cell>
                  <Table.Cell>{format.number(c.planned_count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      <BackLink to="/messaging" label={t("common.menu.messaging")} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.menu.campaigns",
  translationNs: "sms-rcs",
  // the order under Messaging in the sidebar: Campaigns, Analytics, Messages, Consents
  rank: 10,
})

export const handle = {
  breadcrumb: () => <I18nBreadcrumb k="campaigns.breadcrumb.list" />,
}

export default CampaignsPage
