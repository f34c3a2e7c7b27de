import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { CampaignDraftEditor } from "../../../../components/campaigns/campaign-draft-editor"
import { CampaignEstimatePanel } from "../../../../components/campaigns/campaign-estimate"
import { CampaignProgressPanel } from "../../../../components/campaigns/campaign-progress"
import { CampaignStatusBadge } from "../../../../components/campaigns/campaign-status-badge"
import { CampaignVariantResults } from "../../../../components/campaigns/campaign-variant-results"
import { problemsOf } from "../../../../lib/api"
import { useCampaign, useChangeCampaignCourse, useScheduleCampaign } from "../../../../lib/campaigns"
import { formatDateTime } from "../../../../lib/format"
import { BackLink } from "../../../../components/shared/back-link"

/**
 * One campaign: its estimate and scheduling while a draft, then its live progress (polled while it
 * sends), pause / resume / cancel, and its results per variant.
 */
const CampaignPage = () => {
  const { id } = useParams()
  const { data: detail, error } = useCampaign(id!)
  const scheduling = useScheduleCampaign(id!)
  const changingCourse = useChangeCampaignCourse(id!)
  const [at, setAt] = useState("")
  // empty: the store's zone, shown as the placeholder
  const [zone, setZone] = useState("")
  const [problems, setProblems] = useState<string[]>([])
  const [editing, setEditing] = useState(false)

  // one action at a time: every button waits while one runs (the campaign is asked again after each)
  const busy = scheduling.isPending || changingCourse.isPending
  const act = async (run: () => Promise<unknown>) => {
    setProblems([])
    try {
      await run()
    } catch (e) {
      setProblems(problemsOf(e).map((p) => p.message))
    }
  }

  if (error) return <Text className="text-ui-fg-error">Could not load the campaign: {error.message}</Text>
  if (!detail) return <Text size="small">Loading…</Text>
  const { campaign } = detail
  const status = campaign.status

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaign-page">
      <Container className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1" data-testid="campaign-title">{campaign.name}</Heading>
            <CampaignStatusBadge status={status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="campaign-summary">
            {campaign.variants.length} variant{campaign.variants.length > 1 ? "s" : ""}
            {campaign.ab_test ? ` · A/B test on ${campaign.ab_test.test_share} %, winner by ${campaign.ab_test.metric === "ctr" ? "CTR" : "revenue per message"} after ${campaign.ab_test.decide_after_hours} h` : ""}
            {campaign.throttle ? ` · ${"per_second" in campaign.throttle ? `${campaign.throttle.per_second} per second` : `spread over ${campaign.throttle.spread_minutes} min`}` : ""}
            {campaign.scheduled_at ? ` · starts ${formatDateTime(campaign.scheduled_at, campaign.time_zone ?? detail.store_time_zone)}` : ""}
          </Text>
        </div>
        <div className="flex gap-x-2">
          {status === "draft" && !editing && (
            <Button variant="secondary" size="small" onClick={() => setEditing(true)} data-testid="campaign-edit">
              Edit
            </Button>
          )}
          {(status === "sending" || status === "scheduled") && (
            <Button variant="secondary" size="small" isLoading={busy} onClick={() => act(() => changingCourse.mutateAsync("pause"))} data-testid="campaign-pause">
              Pause
            </Button>
          )}
          {status === "paused" && (
            <Button size="small" isLoading={busy} onClick={() => act(() => changingCourse.mutateAsync("resume"))} data-testid="campaign-resume">
              Resume
            </Button>
          )}
          {!["sent", "canceled"].includes(status) && (
            <Button variant="danger" size="small" isLoading={busy} onClick={() => act(() => changingCourse.mutateAsync("cancel"))} data-testid="campaign-cancel">
              Cancel campaign
            </Button>
          )}
        </div>
      </Container>

      {editing && (
        <CampaignDraftEditor
          campaign={campaign}
          onDone={() => setEditing(false)}
        />
      )}

      {detail.estimate && !editing && <CampaignEstimatePanel estimate={detail.estimate} />}

      {status === "draft" && !editing && (
        <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-schedule">
          <Heading level="h2">When</Heading>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-y-1">
              <Label size="small">Date and time (empty: now)</Label>
              <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="schedule-at" />
            </div>
            <div className="flex w-56 flex-col gap-y-1">
              <Label size="small">Time zone (the store's unless changed)</Label>
              <Input value={zone} placeholder={detail.store_time_zone} onChange={(e) => setZone(e.target.value)} data-testid="schedule-zone" />
            </div>
            <Button isLoading={busy} onClick={() => act(() => scheduling.mutateAsync(at ? { at: at.slice(0, 16), time_zone: zone || detail.store_time_zone } : undefined))} data-testid="campaign-schedule-button">
              {at ? "Schedule" : "Send now"}
            </Button>
          </div>
          <Text size="xsmall" className="text-ui-fg-muted">Each recipient still receives it within their own quiet hours.</Text>
        </Container>
      )}

      {problems.length > 0 && (
        <Container className="px-6 py-3" data-testid="campaign-page-problems">
          {problems.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">{p}</Text>
          ))}
        </Container>
      )}

      {status !== "draft" && <CampaignProgressPanel campaign={campaign} progress={detail.progress} />}
      {status !== "draft" && <CampaignVariantResults detail={detail} />}

      <BackLink to="/messaging/campaigns" label="Campaigns" />
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Campaign",
}

export default CampaignPage
