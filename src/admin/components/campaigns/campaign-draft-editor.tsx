import { Button, Container, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { problemsOf } from "../../lib/api"
import { updateCampaign, updateSegment, type AdminCampaign, type AdminSegment } from "../../lib/campaigns"
import { sdk } from "../../lib/sdk"
import { CampaignBuilder, type CampaignDraft } from "./campaign-builder"

/**
 * Editing a draft in the same builder it was made with: its segment (name and rules) and the campaign
 * (name, variants, A/B test, throttle). The API refuses edits once the campaign has started.
 */
export const CampaignDraftEditor = ({ campaign, onDone }: { campaign: AdminCampaign; onDone: () => void }) => {
  const [draft, setDraft] = useState<CampaignDraft | null>(null)
  const [saving, setSaving] = useState(false)
  const [problems, setProblems] = useState<string[]>([])

  useEffect(() => {
    sdk.client
      .fetch<{ segment: AdminSegment }>(`/admin/messaging/segments/${campaign.segment_id}`)
      .then(({ segment }) =>
        setDraft({
          name: campaign.name,
          segment_name: segment.name,
          definition: segment.definition,
          variants: campaign.variants,
          ab_test: campaign.ab_test,
          throttle: campaign.throttle,
        })
      )
      .catch((error) => setProblems([(error as Error).message]))
  }, [campaign])

  const save = async () => {
    if (!draft) return
    setSaving(true)
    setProblems([])
    try {
      await updateSegment(campaign.segment_id, { name: draft.segment_name || `${draft.name} audience`, definition: draft.definition })
      await updateCampaign(campaign.id, { name: draft.name, variants: draft.variants, ab_test: draft.ab_test, throttle: draft.throttle })
      onDone()
    } catch (error) {
      setProblems(problemsOf(error).map((p) => p.message))
    } finally {
      setSaving(false)
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
          <Button onClick={save} isLoading={saving} disabled={!draft} data-testid="campaign-edit-save">
            Save changes
          </Button>
        </div>
      </Container>
    </div>
  )
}
