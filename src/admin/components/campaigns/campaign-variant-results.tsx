import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { CampaignDetail } from "../../lib/campaigns"
import { formatMoney, formatNumber, formatPercent } from "../../lib/format"

/** Results per variant, from the analytics API (same figures as the Analytics page, per variant). */
export const CampaignVariantResults = ({ detail }: { detail: CampaignDetail }) => {
  const names = Object.fromEntries(detail.campaign.variants.map((v) => [v.id, v.name]))
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-results">
      <div className="flex items-center justify-between">
        <Heading level="h2">Results per variant</Heading>
        <Link
          to={`/settings/sms-rcs/analytics?from=${detail.campaign.created_at.slice(0, 10)}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`}
          className="text-ui-fg-interactive text-sm"
          data-testid="campaign-analytics-link"
        >
          Analytics →
        </Link>
      </div>
      {detail.results.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">Nothing sent yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              {["Variant", "Sent", "Delivered", "Clicks", "CTR", "Orders", "Revenue", "Cost", "ROI"].map((h) => (
                <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {detail.results.map((r) => (
              <Table.Row key={r.variant} data-testid={`campaign-result-${r.variant}`}>
                <Table.Cell>
                  {r.variant.toUpperCase()} {names[r.variant] ? `· ${names[r.variant]}` : ""}
                  {detail.campaign.winner_variant === r.variant ? " (winner)" : ""}
                </Table.Cell>
                <Table.Cell>{formatNumber(r.sent)}</Table.Cell>
                <Table.Cell>{formatNumber(r.delivered)}</Table.Cell>
                <Table.Cell>{formatNumber(r.clicks)}</Table.Cell>
                <Table.Cell>{formatPercent(r.ctr)}</Table.Cell>
                <Table.Cell>{formatNumber(r.orders)}</Table.Cell>
                <Table.Cell>{formatMoney(r.revenue, detail.currency)}</Table.Cell>
                <Table.Cell>{formatMoney(r.cost, detail.cost_currency, 4)}</Table.Cell>
                <Table.Cell>{formatPercent(r.roi, 0)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
