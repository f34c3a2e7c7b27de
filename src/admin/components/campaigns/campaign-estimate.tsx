import { Container, Heading, Text } from "@medusajs/ui"
import type { CampaignEstimate } from "../../lib/campaigns"
import { useFormat, useT } from "../../lib/i18n"
import { minorUnitDigits, perTextDigits } from "./price-digits"

/**
 * Before sending: eligible recipients now, segments and cost in all and per variant. The total is in the
 * currency's minor unit; a price per text keeps the fraction of it gateways charge (see price-digits).
 */
export const CampaignEstimatePanel = ({ estimate }: { estimate: CampaignEstimate }) => {
  const { t } = useT()
  const format = useFormat()
  // the variants share the A/B test's group; the others get the winner
  const rest = estimate.recipients - estimate.variants.reduce((n, v) => n + v.recipients, 0)
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="campaign-estimate">
      <Heading level="h2">{t("campaigns.estimate.title")}</Heading>
      <div className="flex flex-wrap" style={{ columnGap: 32, rowGap: 8 }}>
        <Text size="small">
          <span className="text-ui-fg-subtle">{t("campaigns.estimate.recipients")} </span>
          <span className="font-medium" data-testid="estimate-recipients">{format.number(estimate.recipients)}</span>
        </Text>
        <Text size="small">
          <span className="text-ui-fg-subtle">{t("campaigns.estimate.segments")} </span>
          <span className="font-medium" data-testid="estimate-segments">{format.number(estimate.segments)}</span>
        </Text>
        <Text size="small">
          <span className="text-ui-fg-subtle">{t("campaigns.estimate.cost")} </span>
          <span className="font-medium" data-testid="estimate-cost">{format.money(estimate.cost, estimate.currency, minorUnitDigits(estimate.currency))}</span>
        </Text>
      </div>
      {estimate.variants.map((v) => (
        <Text key={v.id} size="xsmall" className="text-ui-fg-subtle" data-testid="estimate-variant">
          {t("campaigns.estimate.variant", {
            count: v.segments,
            id: v.id.toUpperCase(),
            recipients: format.number(v.recipients),
            encoding: v.encoding,
            cost: format.money(v.cost_per_message, estimate.currency, perTextDigits(v.cost_per_message, estimate.currency)),
          })}
        </Text>
      ))}
      {rest > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="estimate-rest">
          {t("campaigns.estimate.rest", { count: rest })}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("campaigns.estimate.note")}
      </Text>
    </Container>
  )
}
