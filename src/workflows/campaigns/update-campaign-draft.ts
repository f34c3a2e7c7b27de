import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveOwnSegmentStep, updateCampaignStep, type SegmentInput } from "./steps"

export type CampaignDraftEditInput = {
  id: string
  /** The campaign's segment now. */
  segment_id: string
  segment?: SegmentInput
  fields: Record<string, unknown>
}

/**
 * The builder's "Save changes" of a draft or scheduled campaign: its segment edits go to a segment of its
 * own (a shared one is copied, never rewritten under another campaign), then the campaign is written,
 * pointing at that segment. A failure undoes both.
 */
export const updateCampaignDraftWorkflow = createWorkflow("sms-rcs-update-campaign-draft", (input: CampaignDraftEditInput) => {
  const segment = when({ input }, ({ input }) => !!input.segment).then(() =>
    saveOwnSegmentStep(
      transform({ input }, ({ input }) => ({ campaign_id: input.id, segment_id: input.segment_id, segment: input.segment! }))
    )
  )
  const campaign = updateCampaignStep(
    transform({ input, segment }, ({ input, segment }) => ({
      id: input.id,
      ...input.fields,
      ...(segment && segment.id !== input.segment_id ? { segment_id: segment.id } : {}),
    }))
  )
  return new WorkflowResponse({ campaign, segment })
})
