import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminCampaign, CampaignProgress } from "../../lib/campaigns"
import { useFormat, useT } from "../../lib/i18n"

// held out: handled too (recorded, deliberately never sent)
const DONE = ["sent", "delivered", "read", "failed", "skipped", "suppressed", "held_out", "other"]
const SHOWN = ["sent", "delivered", "read", "failed", "skipped", "suppressed", "held_out"] as const

/** Live progress: planned against the audience, and where the planned messages are now. */
export const CampaignProgressPanel = ({ campaign, progress }: { campaign: AdminCampaign; progress: CampaignProgress }) => {
  const { t } = useT()
  const format = useFormat()
  const audience = campaign.audience_count ?? 0
  const done = DONE.reduce((n, s) => n + (progress[s] ?? 0), 0)
  const share = audience ? Math.min(1, done / audience) : campaign.status === "sent" ? 1 : 0
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-progress">
      <Heading level="h2">{t("campaigns.progress.title")}</Heading>
      <div className="h-2 w-full overflow-hidden rounded-full bg-ui-bg-component">
        <div className="h-2 bg-ui-fg-interactive" style={{ width: `${Math.round(share * 100)}%` }} data-testid="campaign-progress-bar" />
      </div>
      <Text size="small" data-testid="campaign-progress-text">
        {t("campaigns.progress.summary", {
          done: format.number(done),
          audience: format.number(audience),
          planned: format.number(campaign.planned_count),
          waiting: format.number((progress.queued ?? 0) + (progress.deferred ?? 0)),
          deferred: format.number(progress.deferred ?? 0),
        })}
      </Text>
      <div className="flex flex-wrap" style={{ columnGap: 24, rowGap: 4 }}>
        {SHOWN.map((s) => (
          <Text key={s} size="xsmall" className="text-ui-fg-subtle">
            {t(`campaigns.progress.states.${s}`)} <span className="font-medium text-ui-fg-base">{format.number(progress[s] ?? 0)}</span>
          </Text>
        ))}
      </div>
      {campaign.status === "scheduled" && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="campaign-progress-hint">
          {campaign.scheduled_at && new Date(campaign.scheduled_at).getTime() > Date.now() ? t("campaigns.progress.notYet") : t("campaigns.progress.starting")}
        </Text>
      )}
      {campaign.status === "sent" && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="campaign-completed-hint">
          {t("campaigns.progress.completed")}
        </Text>
      )}
      {campaign.phase !== "all" && (
        <Text size="small" data-testid="campaign-phase">
          {campaign.phase === "test"
            ? t("campaigns.progress.testPhase")
            : t("campaigns.progress.restPhase", { id: campaign.winner_variant?.toUpperCase() ?? "" })}
        </Text>
      )}
    </Container>
  )
}
