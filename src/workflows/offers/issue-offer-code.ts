import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { fillOfferCodeStep, prepareOfferCodeStep } from "./steps"

/**
 * Issues the single-use offer code of a message that passed its checks and waits for it (the worker asked
 * through `sms-rcs.offer_code.requested`): the code is reserved for the message, its promotion created
 * through the Promotion module's own workflow, then the code is written into the text and the message
 * queued again. Run twice for one message, it gives the same code and creates one promotion.
 */
export const issueOfferCodeWorkflow = createWorkflow("sms-rcs-issue-offer-code", (input: { message_id: string }) => {
  const prepared = prepareOfferCodeStep(input)
  const created = when({ prepared }, ({ prepared }) => prepared.action === "fill" && !!prepared.promotion).then(() =>
    createPromotionsWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({
        promotionsData: prepared.action === "fill" && prepared.promotion ? [prepared.promotion] : [],
      })),
    })
  )
  const promotionId = transform({ created }, ({ created }) => (created as { id: string }[] | undefined)?.[0]?.id ?? null)
  const result = fillOfferCodeStep({ prepared, promotion_id: promotionId })
  return new WorkflowResponse(result)
})
