import { Container, Heading, Text } from "@medusajs/ui"
import type { CampaignEstimate } from "../../lib/campaigns"
import { formatMoney, formatNumber } from "../../lib/format"

/** Before sending: eligible recipients now, segments and cost in all and per variant. */
export const CampaignEstimatePanel = ({ estimate }: { estimate: CampaignEstimate }) => {
  // the variants share the A/B test's group; the others get the winner
  const rest = estimate.recipients - estimate.variants.reduce((n, v) => n + v.recipients, 0)
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="campaign-estimate">
      <Heading level="h2">Before sending</Heading>
      <div className="flex flex-wrap" style={{ columnGap: 32, rowGap: 8 }}>
        <Text size="small">
          <span className="text-ui-fg-subtle">Eligible recipients </span>
          <span className="font-medium" data-testid="estimate-recipients">{formatNumber(estimate.recipients)}</span>
        </Text>
        <Text size="small">
          <span className="text-ui-fg-subtle">Segments </span>
          <span className="font-medium" data-testid="estimate-segments">{formatNumber(estimate.segments)}</span>
        </Text>
        <Text size="small">
          <span className="text-ui-fg-subtle">Estimated cost </span>
          <span className="font-medium" data-testid="estimate-cost">{formatMoney(estimate.cost, estimate.currency)}</span>
        </Text>
      </div>
      {estimate.variants.map((v) => (
        <Text key={v.id} size="xsmall" className="text-ui-fg-subtle" data-testid="estimate-variant">
          {v.id.toUpperCase()}: about {formatNumber(v.recipients)} recipients, {v.segments} segment{v.segments === 1 ? "" : "s"} ({v.encoding}),{" "}
          {formatMoney(v.cost_per_message, estimate.currency, 4)} per text
        </Text>
      ))}
      {rest > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="estimate-rest">
          {formatNumber(rest)} more get the A/B test&apos;s winner, counted at the dearest variant
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        Counted now: marketing consent granted, not stopped. Names change the length a little; quiet hours may delay some texts.
      </Text>
    </Container>
  )
}
