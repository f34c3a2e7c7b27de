import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AudienceDefinition } from "../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type SegmentInput = { name: string; description?: string | null; definition: AudienceDefinition }

/**
 * Saves a segment with its count now; undone by deleting it, so a campaign that then fails to be
 * created leaves no segment behind (the admin's "Save draft" makes both in one workflow).
 */
export const createSegmentStep = createStep(
  "sms-rcs-create-segment",
  async (input: SegmentInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const count = await messaging.campaigns.store.count(input.definition)
    const segment = await messaging.createAudiences({ ...input, last_count: count, counted_at: new Date() } as any)
    return new StepResponse(segment, segment.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MessagingModuleService>(MESSAGING_MODULE).deleteAudiences(id)
  }
)
