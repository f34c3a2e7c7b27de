import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RcsPayload } from "../../lib/rcs/payload"
import { sendMessageWorkflow } from "../messages/send-message"
import { touchConversationStep } from "./steps"

export type ReplyInConversationWorkflowInput = {
  conversation_id: string
  phone: string
  customer_id: string | null
  /** The admin user who wrote it. */
  sent_by: string
  body: string
  channel: "sms" | "rcs"
  /** RCS suggested replies under the text. */
  suggestions?: { text: string; postback?: string }[]
  /** One message per key: a double click sends one reply. */
  idempotency_key: string
}

/** The RCS variant of a reply with suggested replies: the text as a card's description, the chips under it. */
function replyPayload(input: ReplyInConversationWorkflowInput): RcsPayload | null {
  if (input.channel !== "rcs" || !input.suggestions?.length) return null
  return {
    type: "card",
    card: { description: input.body },
    suggestions: input.suggestions.map((s) => ({ type: "reply" as const, text: s.text, postback_data: s.postback || s.text })),
  }
}

/**
 * An admin's reply in a conversation: a conversation message ("agent", with who wrote it; never
 * marketing) through the same pipeline and send-time consent check as every message, then the
 * conversation answered (a shopper waiting for a person no longer waits).
 */
export const replyInConversationWorkflow = createWorkflow("sms-rcs-reply-in-conversation", (input: ReplyInConversationWorkflowInput) => {
  const sent = sendMessageWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      template_key: "conversation_reply",
      idempotency_key: `conversation:${input.conversation_id}:reply:${input.idempotency_key}`,
      phone: input.phone,
      body: input.body,
      literal_body: true,
      rcs_payload: replyPayload(input),
      channel: input.channel,
      purpose: "transactional" as const,
      customer_id: input.customer_id,
      conversation_role: "agent" as const,
      sent_by: input.sent_by,
      metadata: { conversation_id: input.conversation_id },
    })),
  })
  touchConversationStep(transform({ input }, ({ input }) => ({ phone: input.phone, answered: true })))
  return new WorkflowResponse(sent)
})
