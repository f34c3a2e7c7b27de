import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useFormat, useT } from "../../lib/i18n"
import type { MessagingOverview } from "../../lib/overview"

/** The next scheduled campaign, its start in the store's zone (or the zone it was planned in), linking to it. */
export const NextCampaign = ({ campaign, zone }: { campaign: MessagingOverview["next_campaign"]; zone: string }) => {
  const { t } = useT()
  const format = useFormat()
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="overview-next-campaign">
      <Heading level="h2">{t("overview.nextCampaign")}</Heading>
      {campaign ? (
        <Link to={`/messaging/campaigns/${campaign.id}`} className="flex flex-col gap-y-0.5 rounded-md p-2 -mx-2 hover:bg-ui-bg-base-hover" data-testid="overview-next-campaign-link">
          <Text size="small" weight="plus" className="text-ui-fg-interactive" data-testid="overview-next-campaign-name">
            {campaign.name}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="overview-next-campaign-at">
            {t("overview.nextCampaignAt", { at: format.dateTime(campaign.scheduled_at, zone) })}
          </Text>
        </Link>
      ) : (
        <Text size="small" className="text-ui-fg-subtle" data-testid="overview-next-campaign-none">
          {t("overview.nextCampaignNone")}
        </Text>
      )}
    </Container>
  )
}
