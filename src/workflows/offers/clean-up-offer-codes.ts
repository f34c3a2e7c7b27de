import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCampaignsWorkflow, deletePromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { listExpiredOfferCodesStep, markOfferCodesRemovedStep } from "./steps"

/** Codes per batch: one `deletePromotionsWorkflow` call each. */
export const OFFER_CLEANUP_BATCH = 100

/**
 * One batch of the cleanup: expired codes nobody used lose their promotion and its one-code campaign,
 * deleted through the Promotion module's workflows; the plugin's row stays, marked removed, for the figures.
 */
export const cleanUpOfferCodesWorkflow = createWorkflow(
  "sms-rcs-clean-up-offer-codes",
  (input: { now: Date; limit: number }) => {
    const expired = listExpiredOfferCodesStep(input)
    when({ expired }, ({ expired }) => expired.promotion_ids.length > 0).then(() => {
      deletePromotionsWorkflow.runAsStep({ input: transform({ expired }, ({ expired }) => ({ ids: expired.promotion_ids })) })
    })
    when({ expired }, ({ expired }) => expired.campaign_ids.length > 0).then(() => {
      deleteCampaignsWorkflow.runAsStep({ input: transform({ expired }, ({ expired }) => ({ ids: expired.campaign_ids })) })
    })
    const removed = markOfferCodesRemovedStep(transform({ expired }, ({ expired }) => ({ ids: [...expired.ids, ...expired.gone] })))
    return new WorkflowResponse(removed)
  }
)

/** Every expired unused code, batch after batch (at most `maxBatches` a run; the next run goes on). */
export async function cleanUpOfferCodes(container: MedusaContainer, now = new Date(), maxBatches = 20): Promise<{ removed: number }> {
  let removed = 0
  for (let i = 0; i < maxBatches; i++) {
    const { result } = await cleanUpOfferCodesWorkflow(container).run({ input: { now, limit: OFFER_CLEANUP_BATCH } })
    removed += result.removed
    if (result.removed < OFFER_CLEANUP_BATCH) break
  }
  return { removed }
}
