import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf } from "../../lib/api"
import { useSegment, useUpdateCampaign, useUpdateSegment, type AdminCampaign, type AdminSegment } from "../../lib/campaigns"
import { CampaignBuilder, type CampaignDraft } from "./campaign-builder"

const draftOf = (campaign: AdminCampaign, segment: AdminSegment): CampaignDraft => ({
  name: campaign.name,
  segment_name: segment.name,
  definition: segment.definition,
  variants: campaign.variants,
  ab_test: campaign.ab_test,
  throttle: campaign.throttle,
})

/**
 * Editing a draft in the same builder it was made with: its segment (name and rules) and the campaign
 * (name, variants, A/B test, throttle). The API refuses edits once the campaign has started.
 */
export const CampaignDraftEditor = ({ campaign, onDone }: { campaign: AdminCampaign; onDone: () => void }) => {
  const segment = useSegment(campaign.segment_id)
  // what the server holds until the owner changes something
  const [edited, setDraft] = useState<CampaignDraft | null>(null)
  const draft = edited ?? (segment.data ? draftOf(campaign, segment.data.segment) : null)
  const [saveProblems, setSaveProblems] = useState<string[]>([])
  const problems = segment.error ? [segment.error.message, ...saveProblems] : saveProblems
  const updatingSegment = useUpdateSegment(campaign.segment_id)
  const updatingCampaign = useUpdateCampaign(campaign.id)

  const save = async () => {
    if (!draft) return
    setSaveProblems([])
    try {
      await updatingSegment.mutateAsync({ name: draft.segment_name || `${draft.name} audience`, definition: draft.definition })
      await updatingCampaign.mutateAsync({ name: draft.name, variants: draft.variants, ab_test: draft.ab_test, throttle: draft.throttle })
      onDone()
    } catch (error) {
      setSaveProblems(problemsOf(error).map((p) => p.message))
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="campaign-editor">
      {draft ? <CampaignBuilder draft={draft} onChange={setDraft} /> : <Text size="small">Loading…</Text>}
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-col">
          {problems.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">
              {p}
            </Text>
          ))}
        </div>
        <div className="flex gap-x-2">
          <Button variant="secondary" onClick={onDone} data-testid="campaign-edit-cancel">
            Cancel
          </Button>
          <Button onClick={save} isLoading={updatingSegment.isPending || updatingCampaign.isPending} disabled={!draft} data-testid="campaign-edit-save">
            Save changes
          </Button>
        </div>
      </Container>
    </div>
  )
}
