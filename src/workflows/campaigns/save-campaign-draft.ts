import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignStep, createSegmentStep, type CampaignInput, type SegmentInput } from "./steps"

export type CampaignDraftInput = Omit<CampaignInput, "segment_id"> & { segment: SegmentInput }

/**
 * The admin's "Save draft": the segment and the campaign together. If the campaign cannot be created,
 * the segment's compensation deletes it: a failed save leaves nothing behind.
 */
export const saveCampaignDraftWorkflow = createWorkflow("sms-rcs-save-campaign-draft", (input: CampaignDraftInput) => {
  const segment = createSegmentStep(transform({ input }, ({ input }) => input.segment))
  const campaign = createCampaignStep(
    transform({ input, segment }, ({ input, segment }) => {
      const { segment: _segment, ...fields } = input
      return { ...fields, segment_id: segment.id }
    })
  )
  return new WorkflowResponse({ campaign, segment })
})
