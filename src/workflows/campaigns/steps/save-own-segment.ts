import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { SegmentInput } from "./create-segment"

export type SaveOwnSegmentInput = { campaign_id: string; segment_id: string; segment: SegmentInput }

type Undo = { created: string } | { restore: Record<string, unknown> }

/**
 * A draft's edited segment, written where only this campaign sees it: a segment another campaign also
 * uses (made with the API, or the segments list) is left as it is and a copy with the edits is made for
 * this campaign; a segment this campaign alone uses is updated in place. Undone by deleting the copy, or
 * by putting the old segment back.
 */
export const saveOwnSegmentStep = createStep(
  "sms-rcs-save-own-segment",
  async ({ campaign_id, segment_id, segment }: SaveOwnSegmentInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const counted = { last_count: await messaging.campaigns.store.count(segment.definition), counted_at: new Date() }
    const users = await messaging.listCampaigns({ segment_id }, { select: ["id"], take: 2 })
    if (users.some((c) => c.id !== campaign_id)) {
      const copy = await messaging.createAudiences({ ...segment, ...counted } as any)
      return new StepResponse(copy, { created: copy.id } as Undo)
    }
    const before = await messaging.retrieveAudience(segment_id)
    const restore = {
      id: before.id, name: before.name, description: before.description, definition: before.definition,
      last_count: before.last_count, counted_at: before.counted_at,
    }
    const updated = await messaging.updateAudiences({ id: segment_id, ...segment, ...counted } as any)
    return new StepResponse(updated, { restore } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    if ("created" in undo) await messaging.deleteAudiences(undo.created)
    else await messaging.updateAudiences(undo.restore as any)
  }
)
