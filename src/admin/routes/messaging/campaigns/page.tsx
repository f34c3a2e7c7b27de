import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { CampaignStatusBadge } from "../../../components/campaigns/campaign-status-badge"
import { useCampaigns } from "../../../lib/campaigns"
import { formatDateTime, formatNumber } from "../../../lib/format"
import { BackLink } from "../../../components/shared/back-link"
import { useStoreTimeZone } from "../../../lib/store-settings"

/** Settings → SMS & RCS → Campaigns: every campaign, newest first, with where it stands. */
const CampaignsPage = () => {
  const { data, isPending: loading, error } = useCampaigns()
  const campaigns = data?.campaigns ?? []
  const navigate = useNavigate()
  const zone = useStoreTimeZone()
  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaigns-page">
      <Container className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">Campaigns</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Marketing texts to a segment of your customers, scheduled, paced, with A/B variants. Only customers
            with marketing consent receive them, each within their quiet hours.
          </Text>
        </div>
        <Button size="small" onClick={() => navigate("/messaging/campaigns/new")} data-testid="campaign-create">
          Create campaign
        </Button>
      </Container>
      <Container className="p-0">
        {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load the campaigns: {error.message}</Text>}
        {!loading && !campaigns.length && !error && (
          <Text size="small" className="px-6 py-4 text-ui-fg-muted" data-testid="campaigns-empty">
            No campaign yet.
          </Text>
        )}
        {campaigns.length > 0 && (
          <Table data-testid="campaigns-table">
            <Table.Header>
              <Table.Row>
                {["Name", "Status", "Variants", "Scheduled", "Audience", "Planned"].map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
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
                  <Table.Cell>{c.variants.length}{c.ab_test ? ` (A/B test ${c.ab_test.test_share} %)` : ""}</Table.Cell>
                  <Table.Cell data-testid="campaign-scheduled">{formatDateTime(c.scheduled_at, c.time_zone ?? zone)}</Table.Cell>
                  <Table.Cell>{formatNumber(c.audience_count)}</Table.Cell>
                  <Table.Cell>{formatNumber(c.planned_count)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      <BackLink to="/messaging" label="Messaging" />
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
  breadcrumb: () => "Campaigns",
}

export default CampaignsPage
