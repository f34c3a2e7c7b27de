import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { responderResultSchema } from "../../lib/conversations/responder"
import { cutText } from "../../lib/conversations/text"
import { sendMessageWorkflow } from "../messages/send-message"
import { applyDecision, chooseAnswerStep, claimAnswerStep, markWaitingStep, notifyHandoffStep, touchConversationStep, type ChooseAnswerStepInput } from "./steps"

export type AnswerInboundWorkflowInput = ChooseAnswerStepInput & {
  /** The inbound text's provider and id there: the answer's idempotency key (a replay answers nothing new). */
  provider: string
  provider_message_id: string
}

/**
 * Answers a shopper's text in their conversation (docs/conversations.md, "Automatic answers"): the
 * plugin's rules choose, the store's `conversations.responder` and then the `answerInbound` hook may
 * change the choice, a hand-off marks the conversation waiting and tells the admin, and the answer
 * goes as a conversation message ("automatic": never marketing, counted by the loop guard).
 *
 * The hook, for a store's own assistant (src/workflows/hooks/answer-inbound.ts in the app):
 *   answerInboundWorkflow.hooks.answerInbound(async (context, { container }) =>
 *     new StepResponse({ answer: { body: "…" } }))
 */
export const answerInboundWorkflow = createWorkflow("sms-rcs-answer-inbound", (input: AnswerInboundWorkflowInput) => {
  const chosen = chooseAnswerStep(
    transform({ input }, ({ input }) => ({
      conversation_id: input.conversation_id,
      conversation_status: input.conversation_status,
      phone: input.phone,
      customer_id: input.customer_id,
      channel: input.channel,
      body: input.body,
      postback: input.postback,
    }))
  )
  const answerInbound = createHook("answerInbound", transform({ chosen }, ({ chosen }) => chosen.context), {
    resultValidator: responderResultSchema.nullish(),
  })
  const proposed = transform({ chosen, hooked: answerInbound.getResult() }, ({ chosen, hooked }) => applyDecision(chosen, hooked))
  const slot = claimAnswerStep(
    transform({ proposed, input }, ({ proposed, input }) => ({ conversation_id: input.conversation_id, answering: proposed.answer !== null && !proposed.answer.claimed }))
  )
  const decided = transform({ proposed, slot }, ({ proposed, slot }) =>
    proposed.answer && !proposed.answer.claimed && !slot.allowed ? { ...proposed, answer: null, blocked: "loop_guard" as const } : proposed
  )

  const waiting = when({ decided }, ({ decided }) => decided.handoff).then(() =>
    markWaitingStep(transform({ input }, ({ input }) => ({ conversation_id: input.conversation_id })))
  )
  // the admin is told once per hand-off: a shopper who asks again while waiting rings no second bell
  when({ decided, waiting }, ({ decided, waiting }) => decided.handoff && !!waiting?.first).then(() => {
    notifyHandoffStep(
      transform({ input, waiting }, ({ input, waiting }) => ({
        conversation_id: input.conversation_id,
        phone: input.phone,
        customer_id: input.customer_id,
        body: cutText(input.body, 10_000),
        at: waiting!.waiting_since,
      }))
    )
  })

  when({ decided }, ({ decided }) => decided.answer !== null).then(() => {
    const message = transform({ decided, input }, ({ decided, input }) => ({
      template_key: decided.answer!.template_key,
      idempotency_key: `inbound:${input.provider}:${input.provider_message_id}:answer`,
      phone: input.phone,
      locale: decided.locale,
      variables: decided.answer!.variables,
      body: decided.answer!.body,
      literal_body: decided.answer!.literal,
      rcs_payload: decided.answer!.rcs_payload,
      // the order list's carousel goes on RCS; every other answer on the channel the shopper wrote on
      channel: input.channel,
      purpose: "transactional" as const,
      order_id: decided.answer!.order_id,
      customer_id: input.customer_id,
      consent_reply: decided.answer!.consent_reply,
      conversation_role: "automatic" as const,
      metadata: { conversation_id: input.conversation_id, intent: decided.intent },
    }))
    sendMessageWorkflow.runAsStep({ input: message })
    touchConversationStep(transform({ input }, ({ input }) => ({ phone: input.phone, answered: false })))
  })

  return new WorkflowResponse(decided, { hooks: [answerInbound] })
})
