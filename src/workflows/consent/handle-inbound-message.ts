import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendMessageWorkflow } from "../messages/send-message"
import { recordInboundStep, type RecordInboundStepInput } from "./steps"

/**
 * An inbound text from a provider webhook: stored, its STOP/START/HELP keyword applied to the consent
 * ledger, and answered (once: the reply's idempotency key is the inbound message's id at the provider).
 */
export const handleInboundMessageWorkflow = createWorkflow(
  "sms-rcs-handle-inbound-message",
  (input: RecordInboundStepInput) => {
    const reply = recordInboundStep(input)
    when({ reply }, ({ reply }) => reply !== null).then(() => {
      const replyInput = transform({ reply, input }, ({ reply, input }) => ({
        template_key: reply!.template_key,
        idempotency_key: `inbound:${input.provider}:${input.provider_message_id}:reply`,
        phone: input.from,
        locale: reply!.locale,
        variables: reply!.variables,
        purpose: "transactional" as const,
        consent_reply: reply!.consent_reply,
      }))
      sendMessageWorkflow.runAsStep({ input: replyInput })
    })
    return new WorkflowResponse(reply)
  }
)
