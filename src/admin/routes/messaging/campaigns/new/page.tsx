import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { CampaignBuilder, emptyCampaignDraft, type CampaignDraft } from "../../../../components/campaigns/campaign-builder"
import { problemsOf } from "../../../../lib/api"
import { useCreateCampaign, useCreateSegment } from "../../../../lib/campaigns"

/**
 * A new campaign: the builder, then "Save draft" saves the segment and the campaign and opens it, where
 * the estimate (recipients, segments, cost) is shown before it is scheduled.
 */
const NewCampaignPage = () => {
  const [draft, setDraft] = useState<CampaignDraft>(emptyCampaignDraft)
  const [problems, setProblems] = useState<string[]>([])
  const navigate = useNavigate()
  const creatingSegment = useCreateSegment()
  const creatingCampaign = useCreateCampaign()

  const save = async () => {
    setProblems([])
    try {
      const segment = await creatingSegment.mutateAsync({ name: draft.segment_name || `${draft.name} audience`, definition: draft.definition })
      const { segment_name: _name, definition: _definition, ...campaign } = draft
      const created = await creatingCampaign.mutateAsync({ ...campaign, segment_id: segment.id })
      navigate(`/messaging/campaigns/${created.id}`)
    } catch (error) {
      setProblems(problemsOf(error).map((p) => p.message))
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaign-new">
      <CampaignBuilder draft={draft} onChange={setDraft} />
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-col" data-testid="campaign-problems">
          {problems.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">
              {p}
            </Text>
          ))}
        </div>
        <Button onClick={save} isLoading={creatingSegment.isPending || creatingCampaign.isPending} disabled={!draft.name.trim()} data-testid="campaign-save">
          Save draft
        </Button>
      </Container>
    </div>
  )
}

export const handle = {
  breadcrumb: () => "New campaign",
}

export default NewCampaignPage
