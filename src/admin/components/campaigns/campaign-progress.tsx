import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminCampaign, CampaignProgress } from "../../lib/campaigns"
import { formatNumber } from "../../lib/format"

const DONE = ["sent", "delivered", "read", "failed", "skipped", "suppressed", "other"]

/** Live progress: planned against the audience, and where the planned messages are now. */
export const CampaignProgressPanel = ({ campaign, progress }: { campaign: AdminCampaign; progress: CampaignProgress }) => {
  const audience = campaign.audience_count ?? 0
  const done = DONE.reduce((n, s) => n + (progress[s] ?? 0), 0)
  const share = audience ? Math.min(1, done / audience) : 0
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-progress">
      <Heading level="h2">Progress</Heading>
      <div className="h-2 w-full overflow-hidden rounded-full bg-ui-bg-component">
        <div className="h-2 bg-ui-fg-interactive" style={{ width: `${Math.round(share * 100)}%` }} data-testid="campaign-progress-bar" />
      </div>
      <Text size="small" data-testid="campaign-progress-text">
        {formatNumber(done)} of {formatNumber(audience)} handled · {formatNumber(campaign.planned_count)} planned ·{" "}
        {formatNumber((progress.queued ?? 0) + (progress.deferred ?? 0))} waiting (
        {formatNumber(progress.deferred ?? 0)} held by quiet hours)
      </Text>
      <div className="flex flex-wrap" style={{ columnGap: 24, rowGap: 4 }}>
        {["sent", "delivered", "read", "failed", "skipped", "suppressed"].map((s) => (
          <Text key={s} size="xsmall" className="text-ui-fg-subtle">
            {s} <span className="font-medium text-ui-fg-base">{formatNumber(progress[s] ?? 0)}</span>
          </Text>
        ))}
      </div>
      {campaign.status === "scheduled" && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="campaign-progress-hint">
          {campaign.scheduled_at && new Date(campaign.scheduled_at).getTime() > Date.now()
            ? "Nothing is sent before the scheduled time."
            : "Starting: the campaign job picks it up within a minute, then plans the messages (the counts stay at 0 until then)."}
        </Text>
      )}
      {campaign.phase !== "all" && (
        <Text size="small" data-testid="campaign-phase">
          {campaign.phase === "test" ? "A/B test running on the test share; the winner goes to the rest." : `Winner: variant ${campaign.winner_variant?.toUpperCase()}, sent to the rest.`}
        </Text>
      )}
    </Container>
  )
}
