import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendMessageWorkflow } from "../messages/send-message"
import { recordOptInStep, type RecordOptInStepInput } from "./steps"

/**
 * A shopper's marketing opt-in from the storefront: recorded with its proof, and, when it needs
 * confirming, the double opt-in text ("reply YES …", no offer in it) — at most one per number per
 * `consent.optInCooldownHours`, never to a number that stopped everything.
 */
export const storefrontOptInWorkflow = createWorkflow("sms-rcs-storefront-opt-in", (input: RecordOptInStepInput) => {
  const result = recordOptInStep(input)
  when({ result }, ({ result }) => result.confirm).then(() => {
    const ask = transform({ result, input }, ({ result, input }) => ({
      template_key: "consent_double_opt_in",
      idempotency_key: `opt-in:${result.event_id}`,
      phone: input.phone,
      locale: input.locale ?? null,
      customer_id: input.customer_id ?? null,
      purpose: "transactional" as const,
      consent_reply: "double_opt_in" as const,
    }))
    sendMessageWorkflow.runAsStep({ input: ask })
  })
  return new WorkflowResponse(result)
})
