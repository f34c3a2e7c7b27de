import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { EMPTY_METRICS } from "../../lib/analytics"
import type { CampaignDetail } from "../../lib/campaigns"
import { useFormat, useT } from "../../lib/i18n"

const COLUMNS = ["variant", "sent", "delivered", "clicks", "ctr", "orders", "revenue", "cost", "roi"] as const

/**
 * Results per variant, from the analytics API (same figures as the Analytics page, per variant). Every
 * variant has its row: one that no recipient got (a small audience, an A/B test share) shows zeros and
 * says so, rather than vanishing from the comparison.
 */
export const CampaignVariantResults = ({ detail }: { detail: CampaignDetail }) => {
  const { t } = useT()
  const format = useFormat()
  const names = Object.fromEntries(detail.campaign.variants.map((v) => [v.id, v.name]))
  const rows = [
    ...detail.campaign.variants.map((v) => detail.results.find((r) => r.variant === v.id) ?? { ...EMPTY_METRICS, variant: v.id }),
    ...detail.results.filter((r) => !(r.variant in names)),
  ]
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-results">
      <div className="flex items-center justify-between">
        <Heading level="h2">{t("campaigns.results.title")}</Heading>
        <Link
          to={`/messaging/analytics?from=${detail.campaign.created_at.slice(0, 10)}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`}
          className="text-ui-fg-interactive text-sm"
          data-testid="campaign-analytics-link"
        >
          {t("campaigns.results.analytics")}
        </Link>
      </div>
      {detail.results.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">{t("campaigns.results.nothingYet")}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              {COLUMNS.map((h) => (
                <Table.HeaderCell key={h}>{t(`campaigns.results.columns.${h}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.variant} data-testid={`campaign-result-${r.variant}`}>
                <Table.Cell>
                  {r.variant.toUpperCase()} {names[r.variant] ? `· ${names[r.variant]}` : ""}
                  {detail.campaign.winner_variant === r.variant ? ` ${t("campaigns.results.winner")}` : ""}
                  {r.sent === 0 && (
                    <Text as="span" size="xsmall" className="text-ui-fg-muted" data-testid="variant-no-recipient">
                      {" "}
                      {t("campaigns.results.noRecipient")}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>{format.number(r.sent)}</Table.Cell>
                <Table.Cell>{format.number(r.delivered)}</Table.Cell>
                <Table.Cell>{format.number(r.clicks)}</Table.Cell>
                <Table.Cell>{format.percent(r.ctr)}</Table.Cell>
                <Table.Cell>{format.number(r.orders)}</Table.Cell>
                <Table.Cell>{format.money(r.revenue, detail.currency)}</Table.Cell>
                <Table.Cell>{format.money(r.cost, detail.cost_currency)}</Table.Cell>
                {/* ROI means something only once the variant earned something */}
                <Table.Cell>{r.revenue ? format.percent(r.roi, 0) : "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
