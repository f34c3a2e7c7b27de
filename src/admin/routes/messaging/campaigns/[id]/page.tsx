import { Button, Container, Heading, Input, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { CampaignDraftEditor } from "../../../../components/campaigns/campaign-draft-editor"
import { CampaignEstimatePanel } from "../../../../components/campaigns/campaign-estimate"
import { useCampaignProblems } from "../../../../components/campaigns/campaign-problems"
import { CampaignProgressPanel } from "../../../../components/campaigns/campaign-progress"
import { CampaignStatusBadge } from "../../../../components/campaigns/campaign-status-badge"
import { CampaignVariantResults } from "../../../../components/campaigns/campaign-variant-results"
import { I18nBreadcrumb } from "../../../../components/campaigns/i18n-breadcrumb"
import { problemsOf } from "../../../../lib/api"
import { useCampaign, useChangeCampaignCourse, useDeleteCampaignDraft, useScheduleCampaign } from "../../../../lib/campaigns"
import { useFormat, useT } from "../../../../lib/i18n"
import { BackLink } from "../../../../components/shared/back-link"
import { minorUnitDigits } from "../../../../components/campaigns/price-digits"

/**
 * One campaign: its estimate and scheduling while a draft, then its live progress (polled while it
 * sends), pause / resume / cancel, and its results per variant. Sending, scheduling, canceling and
 * deleting a draft each ask first, naming what will happen (recipients, cost, what is not sent yet).
 * A draft is never canceled (it has sent nothing): it is deleted, or left.
 */
const CampaignPage = () => {
  const { id } = useParams()
  const { t } = useT()
  const format = useFormat()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { data: detail, error } = useCampaign(id!)
  const scheduling = useScheduleCampaign(id!)
  const changingCourse = useChangeCampaignCourse(id!)
  const deleting = useDeleteCampaignDraft(id!)
  const { place } = useCampaignProblems()
  const [at, setAt] = useState("")
  // empty: the store's zone, shown as the placeholder
  const [zone, setZone] = useState("")
  const [problems, setProblems] = useState<string[]>([])
  const [editing, setEditing] = useState(false)

  // one action at a time: every button waits while one runs (the campaign is asked again after each)
  const busy = scheduling.isPending || changingCourse.isPending || deleting.isPending
  const act = async (run: () => Promise<unknown>) => {
    setProblems([])
    try {
      await run()
      return true
    } catch (e) {
      setProblems(place(problemsOf(e), { variants: detail?.campaign.variants ?? [] }).general)
      return false
    }
  }

  if (error) return <Text className="text-ui-fg-error" data-testid="campaign-load-error">{t("campaigns.detail.loadError", { message: error.message })}</Text>
  if (!detail) return <Text size="small">{t("campaigns.detail.loading")}</Text>
  const { campaign, estimate } = detail
  const status = campaign.status
  // every time in the store's zone, named (a schedule set in another zone is the same instant)
  const storeZone = detail.store_time_zone
  const waiting = (detail.progress.queued ?? 0) + (detail.progress.deferred ?? 0)

  const sendOrSchedule = async () => {
    const recipients = format.number(estimate?.recipients ?? 0)
    const cost = estimate?.cost != null ? format.money(estimate.cost, estimate.currency, minorUnitDigits(estimate.currency)) : null
    const chosenZone = zone || detail.store_time_zone
    const confirmed = await prompt(
      at
        ? {
            title: t("campaigns.detail.confirmSchedule.title"),
            description: t("campaigns.detail.confirmSchedule.description", {
              recipients,
              cost: cost ?? "—",
              at: `${at.replace("T", " ")} (${chosenZone})`,
            }),
            confirmText: t("campaigns.detail.confirmSchedule.confirm"),
            cancelText: t("campaigns.detail.keep"),
            variant: "confirmation",
          }
        : {
            title: t("campaigns.detail.confirmSend.title"),
            description: cost
              ? t("campaigns.detail.confirmSend.description", { recipients, cost })
              : t("campaigns.detail.confirmSend.descriptionNoCost", { recipients }),
            confirmText: t("campaigns.detail.confirmSend.confirm"),
            cancelText: t("campaigns.detail.keep"),
            variant: "confirmation",
          }
    )
    if (!confirmed) return
    const ok = await act(() => scheduling.mutateAsync(at ? { at: at.slice(0, 16), time_zone: chosenZone } : undefined))
    if (ok && !at) toast.success(t("campaigns.detail.sendStarted"))
  }

  const cancel = async () => {
    const confirmed = await prompt({
      title: t("campaigns.detail.confirmCancel.title"),
      description: t("campaigns.detail.confirmCancel.description", { waiting: format.number(waiting) }),
      confirmText: t("campaigns.detail.confirmCancel.confirm"),
      cancelText: t("campaigns.detail.keep"),
    })
    if (!confirmed) return
    if (await act(() => changingCourse.mutateAsync("cancel"))) toast.success(t("campaigns.detail.canceled"))
  }

  const deleteDraft = async () => {
    const confirmed = await prompt({
      title: t("campaigns.detail.confirmDelete.title"),
      description: t("campaigns.detail.confirmDelete.description", { name: campaign.name }),
      confirmText: t("campaigns.detail.confirmDelete.confirm"),
      cancelText: t("campaigns.detail.keep"),
    })
    if (!confirmed) return
    if (await act(() => deleting.mutateAsync())) {
      toast.success(t("campaigns.detail.deleted"))
      navigate("/messaging/campaigns")
    }
  }

  const summary = [
    t("campaigns.detail.variants", { count: campaign.variants.length }),
    campaign.ab_test
      ? t("campaigns.detail.abSummary", {
          share: campaign.ab_test.test_share,
          metric: campaign.ab_test.metric === "ctr" ? t("campaigns.detail.metricCtr") : t("campaigns.detail.metricRevenue"),
          hours: campaign.ab_test.decide_after_hours,
        })
      : null,
    campaign.throttle
      ? "per_second" in campaign.throttle
        ? t("campaigns.detail.perSecond", { count: campaign.throttle.per_second })
        : t("campaigns.detail.spread", { count: campaign.throttle.spread_minutes })
      : null,
    campaign.scheduled_at ? t("campaigns.detail.starts", { at: format.dateTime(campaign.scheduled_at, storeZone) }) : null,
    status === "sent" && campaign.sent_at ? t("campaigns.detail.completedAt", { at: format.dateTime(campaign.sent_at, storeZone) }) : null,
    status === "canceled" && campaign.canceled_at ? t("campaigns.detail.canceledAt", { at: format.dateTime(campaign.canceled_at, storeZone) }) : null,
  ].filter(Boolean)

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaign-page">
      <Container className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1" data-testid="campaign-title">{campaign.name}</Heading>
            <CampaignStatusBadge status={status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="campaign-summary">
            {summary.join(" · ")}
          </Text>
        </div>
        <div className="flex gap-x-2">
          {status === "draft" && !editing && (
            <Button variant="secondary" size="small" onClick={() => setEditing(true)} data-testid="campaign-edit">
              {t("campaigns.detail.edit")}
            </Button>
          )}
          {status === "draft" && !editing && (
            <Button variant="danger" size="small" isLoading={deleting.isPending} disabled={busy} onClick={deleteDraft} data-testid="campaign-delete">
              {t("campaigns.detail.deleteDraft")}
            </Button>
          )}
          {(status === "sending" || status === "scheduled") && (
            <Button variant="secondary" size="small" isLoading={busy} onClick={() => act(() => changingCourse.mutateAsync("pause"))} data-testid="campaign-pause">
              {t("campaigns.detail.pause")}
            </Button>
          )}
          {status === "paused" && (
            <Button size="small" isLoading={busy} onClick={() => act(() => changingCourse.mutateAsync("resume"))} data-testid="campaign-resume">
              {t("campaigns.detail.resume")}
            </Button>
          )}
          {["scheduled", "sending", "paused"].includes(status) && (
            <Button variant="danger" size="small" isLoading={busy} onClick={cancel} data-testid="campaign-cancel">
              {t("campaigns.detail.cancel")}
            </Button>
          )}
        </div>
      </Container>

      {editing && <CampaignDraftEditor campaign={campaign} onDone={() => setEditing(false)} />}

      {estimate && !editing && <CampaignEstimatePanel estimate={estimate} />}

      {status === "draft" && !editing && (
        <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-schedule">
          <Heading level="h2">{t("campaigns.detail.when")}</Heading>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-y-1">
              <Label size="small">{t("campaigns.detail.dateTime")}</Label>
              <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="schedule-at" />
            </div>
            <div className="flex w-56 flex-col gap-y-1">
              <Label size="small">{t("campaigns.detail.zone")}</Label>
              <Input value={zone} placeholder={detail.store_time_zone} onChange={(e) => setZone(e.target.value)} data-testid="schedule-zone" />
            </div>
            <Button isLoading={busy} onClick={sendOrSchedule} data-testid="campaign-schedule-button">
              {at ? t("campaigns.detail.schedule") : t("campaigns.detail.sendNow")}
            </Button>
          </div>
          <Text size="xsmall" className="text-ui-fg-muted">{t("campaigns.detail.quietHours")}</Text>
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

      <BackLink to="/messaging/campaigns" label={t("campaigns.breadcrumb.list")} />
    </div>
  )
}

export const handle = {
  breadcrumb: () => <I18nBreadcrumb k="campaigns.breadcrumb.detail" />,
}

export default CampaignPage
