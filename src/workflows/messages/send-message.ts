import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ConsentReplyKind } from "../../lib/consent/consent-reply"
import { OFFER_CODE_PLACEHOLDER, OFFER_EXPIRES_PLACEHOLDER } from "../../lib/offers/offer-code"
import type { RcsPayload } from "../../lib/rcs/payload"
import type { CreateMessageInput } from "../../modules/messaging"
import {
  checkPhoneStep,
  composeMessageStep,
  createMessageStep,
  decideHoldoutStep,
  enqueueMessageStep,
  type CheckedPhone,
  type ComposedMessageStepOutput,
  type HoldoutDecision,
} from "./steps"

export type SendMessageWorkflowInput = {
  /** Template to render, e.g. "order_confirmation" (see README, "Templates"). */
  template_key: string
  /** One message per key, however often the triggering event is delivered, e.g. "order.placed:order_123". */
  idempotency_key: string
  /** The phone as written by the shopper; E.164 or national. */
  phone?: string | null
  /** Country of the address the phone came from, to read national numbers. */
  country_code?: string | null
  /** State or province of that address (US quiet hours, time zones). */
  province?: string | null
  locale?: string | null
  variables?: Record<string, unknown>
  /** Ready text instead of the template's. */
  body?: string | null
  /**
   * "rcs" to send the RCS variant (its text is the fallback) when an RCS provider can, "sms" to send the
   * text only. Unset: RCS when `rcs.provider` is set and the template has an RCS variant.
   */
  channel?: "sms" | "rcs"
  /** Ready RCS variant to go with `body`. */
  rcs_payload?: RcsPayload | null
  /** Minutes to wait before sending (an automation's delay); quiet hours may add more. */
  delay_minutes?: number
  /** Anything to keep with the message (an automation's key, the triggering event …). */
  metadata?: Record<string, unknown> | null
  purpose?: "transactional" | "marketing"
  order_id?: string | null
  cart_id?: string | null
  customer_id?: string | null
  campaign_id?: string | null
  /**
   * Internal: set only by the plugin's consent workflows (STOP/HELP answers, the double opt-in ask, a
   * verification code). It is what lets a reply pass the send-time consent check; routes never take it
   * from a request, and a template key alone (which an admin can type into a campaign) grants nothing.
   */
  consent_reply?: ConsentReplyKind | null
  /**
   * A reason not to send, decided by the caller (an order created with "don't notify the customer"):
   * the message is recorded `skipped` with it, and never queued.
   */
  skip_reason?: string | null
  /**
   * Internal: a conversation's message (set by the conversation workflows, never from a request body):
   * "automatic" for an automatic answer (counted by the loop guard), "agent" for an admin's reply.
   */
  conversation_role?: "automatic" | "agent" | null
  /** The admin user who wrote an agent reply. */
  sent_by?: string | null
  /** `body` goes as written, `{{…}}` included, never filled in as a template (an admin's reply). */
  literal_body?: boolean
}

const automationOf = (input: SendMessageWorkflowInput) =>
  typeof input.metadata?.automation === "string" ? input.metadata.automation : null

/**
 * A message whose automation (or campaign) offers a code holds placeholders for it: the code is created
 * by the worker's request only once the message passed its checks (workflows/offers/issue-offer-code.ts).
 * Without an offer the variables stay empty, and `{{#offer_code}}…{{/offer_code}}` says nothing.
 */
const offerVariables = (input: SendMessageWorkflowInput) =>
  input.metadata?.offer ? { offer_code: OFFER_CODE_PLACEHOLDER, offer_expires: OFFER_EXPIRES_PLACEHOLDER } : {}

/** Which status a message starts in, given its phone: only a usable number is queued for sending. */
function buildMessage(
  input: SendMessageWorkflowInput,
  phone: CheckedPhone,
  rendered: ComposedMessageStepOutput,
  holdout: HoldoutDecision
): CreateMessageInput {
  const base = {
    idempotency_key: input.idempotency_key,
    raw_to: input.phone ?? null,
    channel: rendered.channel,
    purpose: input.purpose ?? rendered.purpose,
    template_key: input.template_key,
    locale: rendered.locale,
    body: rendered.body,
    encoding: rendered.encoding,
    segments: rendered.segments,
    order_id: input.order_id ?? null,
    cart_id: input.cart_id ?? null,
    customer_id: input.customer_id ?? null,
    campaign_id: input.campaign_id ?? null,
    rich_payload: rendered.rich_payload as Record<string, unknown> | null,
    cost_amount: rendered.cost?.amount ?? null,
    cost_currency_code: rendered.cost?.currency_code ?? null,
    links: rendered.links,
    automation: automationOf(input),
    consent_reply: input.consent_reply ?? null,
    conversation_role: input.conversation_role ?? null,
    sent_by: input.sent_by ?? null,
    media_url: rendered.media_url,
    metadata: input.metadata ?? null,
    send_after: input.delay_minutes ? new Date(Date.now() + input.delay_minutes * 60_000) : null,
    rule_region: phone.rule_region,
    time_zones: phone.time_zones ? [...phone.time_zones] : null,
  }
  if (input.skip_reason) {
    return { ...base, to: "e164" in phone ? phone.e164 : null, status: "skipped", status_reason: input.skip_reason }
  }
  if (rendered.problem) {
    // recorded, never sent: the owner sees why on the message and fixes the template
    return { ...base, to: "e164" in phone ? phone.e164 : null, status: "failed", status_reason: rendered.problem }
  }
  if (phone.ok && holdout.held_out_reason) {
    // recorded like a send (same idempotency key, so a replayed event holds back the same one), never queued
    return { ...base, to: phone.e164, country_code: phone.country ?? null, status: "held_out", status_reason: holdout.held_out_reason }
  }
  if (phone.ok) {
    return { ...base, to: phone.e164, country_code: phone.country ?? null, status: "queued" }
  }
  const blocked = phone.reason === "refused_number_type" || phone.reason === "country_not_allowed"
  return {
    ...base,
    to: "e164" in phone ? phone.e164 : null,
    status: blocked ? "suppressed" : "skipped",
    status_reason: `${phone.reason}: ${phone.detail}`,
  }
}

/**
 * Sends one message: checks the phone, composes the text from its template, records the message (once per
 * idempotency key) and queues it for the dispatch worker. A message that cannot be sent is still
 * recorded, as `skipped` or `suppressed`, with the reason; one in its automation's holdout share as
 * `held_out` (README, "Incrementality").
 */
export const sendMessageWorkflow = createWorkflow("sms-rcs-send-message", (input: SendMessageWorkflowInput) => {
  const phone = checkPhoneStep({ phone: input.phone, country_code: input.country_code, province: input.province })
  const composed = composeMessageStep(
    transform({ input, phone }, ({ input, phone }) => ({
      template_key: input.template_key,
      purpose: input.purpose,
      locale: input.locale,
      variables: { ...input.variables, ...offerVariables(input) },
      body: input.body,
      literal: input.literal_body ?? false,
      rcs_payload: input.rcs_payload,
      channel: input.channel,
      country: phone.ok ? phone.country ?? null : null,
      automation: automationOf(input),
      campaign_id: input.campaign_id,
    }))
  )
  const holdout = decideHoldoutStep(
    transform({ input, phone, composed }, ({ input, phone, composed }) => ({
      automation: automationOf(input),
      purpose: input.purpose ?? composed.purpose,
      phone: phone.ok ? phone.e164 : null,
      consent_reply: input.consent_reply ?? null,
    }))
  )
  const messageInput = transform({ input, phone, composed, holdout }, ({ input, phone, composed, holdout }) =>
    buildMessage(input, phone, composed, holdout)
  )
  const result = createMessageStep(messageInput)
  enqueueMessageStep(result)
  return new WorkflowResponse(result)
})
