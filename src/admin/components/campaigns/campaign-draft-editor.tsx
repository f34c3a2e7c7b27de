import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf } from "../../lib/api"
import { useSegment, useUpdateCampaignDraft, type AdminCampaign, type AdminSegment } from "../../lib/campaigns"
import { useT } from "../../lib/i18n"
import { CampaignBuilder, type CampaignDraft } from "./campaign-builder"
import { useCampaignProblems, type PlacedProblems } from "./campaign-problems"

const NO_PROBLEM: PlacedProblems = { general: [], byVariant: {} }

const draftOf = (campaign: AdminCampaign, segment: AdminSegment): CampaignDraft => ({
  name: campaign.name,
  segment_name: segment.name,
  definition: segment.definition,
  variants: campaign.variants,
  ab_test: campaign.ab_test,
  throttle: campaign.throttle,
  holdout_percent: campaign.holdout_percent ?? 0,
})

/**
 * Editing a draft in the same builder it was made with: its segment (name and rules) and the campaign
 * (name, variants, A/B test, throttle), saved in one request that changes both or neither. The API
 * refuses edits once the campaign has started.
 */
export const CampaignDraftEditor = ({ campaign, onDone }: { campaign: AdminCampaign; onDone: () => void }) => {
  const { t } = useT()
  const segment = useSegment(campaign.segment_id)
  // what the server holds until the owner changes something
  const [edited, setDraft] = useState<CampaignDraft | null>(null)
  const draft = edited ?? (segment.data ? draftOf(campaign, segment.data.segment) : null)
  const [saveProblems, setSaveProblems] = useState<PlacedProblems>(NO_PROBLEM)
  const problems = segment.error ? [segment.error.message, ...saveProblems.general] : saveProblems.general
  const updating = useUpdateCampaignDraft(campaign.id)
  const { place } = useCampaignProblems()

  const save = async () => {
    if (!draft) return
    setSaveProblems(NO_PROBLEM)
    try {
      await updating.mutateAsync({
        name: draft.name,
        segment: { name: draft.segment_name.trim() || t("campaigns.builder.segmentNameDefault", { name: draft.name.trim() }), definition: draft.definition },
        variants: draft.variants,
        ab_test: draft.ab_test,
        throttle: draft.throttle,
        holdout_percent: draft.holdout_percent ?? 0,
      })
      onDone()
    } catch (error) {
      setSaveProblems(place(problemsOf(error), draft))
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="campaign-editor">
      {draft ? (
        <CampaignBuilder
          draft={draft}
          // what the last save said no longer holds once the owner changes something
          onChange={(next) => {
            setDraft(next)
            setSaveProblems(NO_PROBLEM)
          }}
          variantProblems={saveProblems.byVariant}
        />
      ) : (
        !segment.error && <Text size="small">{t("campaigns.editor.loading")}</Text>
      )}
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-col" data-testid="campaign-problems">
          {problems.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">
              {p}
            </Text>
          ))}
        </div>
        <div className="flex gap-x-2">
          <Button variant="secondary" onClick={onDone} data-testid="campaign-edit-cancel">
            {t("campaigns.editor.cancel")}
          </Button>
          <Button onClick={save} isLoading={updating.isPending} disabled={!draft} data-testid="campaign-edit-save">
            {t("campaigns.editor.save")}
          </Button>
        </div>
      </Container>
    </div>
  )
}
