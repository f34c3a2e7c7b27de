import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendMessageWorkflow } from "../messages/send-message"
import { answerInboundWorkflow } from "../conversations/answer-inbound"
import { openConversationStep } from "../conversations/steps/open-conversation"
import { recordInboundStep, type RecordInboundStepInput } from "./steps"

export type HandleInboundMessageInput = RecordInboundStepInput & {
  /** The channel it came on (an RCS agent's webhook: rcs). */
  channel?: "sms" | "rcs"
}

/**
 * An inbound text from a provider webhook (or the sandbox): stored, its STOP/START/HELP keyword applied to
 * the consent ledger first, and answered (once: the reply's idempotency key is the inbound message's id at
 * the provider); then its conversation opened, and a text no keyword took answered there (automatic
 * answers, hand-off, text-to-join: answerInboundWorkflow). A replayed webhook answers nothing twice.
 */
export const handleInboundMessageWorkflow = createWorkflow(
  "sms-rcs-handle-inbound-message",
  (input: HandleInboundMessageInput) => {
    const recorded = recordInboundStep(
      transform({ input }, ({ input: { channel: _channel, ...text } }) => text)
    )
    const reply = transform({ recorded }, ({ recorded }) => recorded.reply)
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
    const conversation = openConversationStep(
      transform({ input, recorded }, ({ input, recorded }) => ({
        phone: input.from,
        channel: input.channel ?? (input.tap ? ("rcs" as const) : ("sms" as const)),
        created: recorded.created,
      }))
    )
    when({ recorded, conversation }, ({ recorded, conversation }) => recorded.created && !recorded.consumed && !!conversation).then(() => {
      answerInboundWorkflow.runAsStep({
        input: transform({ input, conversation }, ({ input, conversation }) => ({
          conversation_id: conversation!.id,
          conversation_status: conversation!.status,
          phone: input.from,
          customer_id: conversation!.customer_id,
          channel: input.channel ?? (input.tap ? ("rcs" as const) : ("sms" as const)),
          body: input.body,
          postback: input.tap?.postback ?? null,
          provider: input.provider,
          provider_message_id: input.provider_message_id,
        })),
      })
    })
    return new WorkflowResponse({ reply, inbound_id: recorded.inbound_id, created: recorded.created, conversation })
  }
)
