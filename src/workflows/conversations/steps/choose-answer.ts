import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { businessHoursOf } from "../../../lib/conversations/options"
import { expectedReply, formatOpening } from "../../../lib/conversations/business-hours"
import { parseInboundKeyword } from "../../../lib/consent"
import { classifyInbound, type FaqCandidate, type InboundIntent } from "../../../lib/conversations/intents"
import { orderAnswer } from "../../../lib/conversations/order-answer"
import { loadResponder, responderResultSchema, type AnswerContext, type ResponderResult } from "../../../lib/conversations/responder"
import type { RcsPayload } from "../../../lib/rcs/payload"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { fallbackLocale } from "../../utils/store-facts"
import { ANSWERED_ORDER_AGE_DAYS, ordersOfPhone } from "../utils/orders-of-phone"
import { replyPermission } from "../utils/reply-permission"

export type ChooseAnswerStepInput = {
  conversation_id: string
  /** The conversation's status as the text found it (waiting: the shopper already asked for a person). */
  conversation_status: "open" | "waiting" | "closed"
  phone: string
  customer_id: string | null
  channel: "sms" | "rcs"
  body: string
  postback: string | null
}

/** An automatic answer to send: a template (or a ready body) of the conversation's own kind. */
export type AutomaticAnswer = {
  template_key: string
  variables: Record<string, unknown>
  body: string | null
  rcs_payload: RcsPayload | null
  order_id: string | null
  /** Only the text-to-join's "reply YES" ask: the consent reply that lets it pass the send gate. */
  consent_reply: "double_opt_in" | null
  /**
   * The body goes as written, never filled in as a template: a store's assistant (the hook, the
   * responder) may quote the shopper's own words, and `{{…}}` in them must neither be filled in nor
   * break the answer.
   */
  literal: boolean
  /** Its loop-guard slot is taken already (the join question: taken before its request is recorded). */
  claimed: boolean
}

/** Why no automatic answer may go, whatever any answering code says. */
export type AnswerBlock = "auto_answers_off" | "opted_out_all" | "invalid_phone" | "erased" | "loop_guard"

export type ChosenAnswer = {
  intent: InboundIntent["kind"]
  locale: string
  answer: AutomaticAnswer | null
  handoff: boolean
  blocked: AnswerBlock | null
  /** What the `answerInbound` hook is given. */
  context: AnswerContext
}

const DAY_MS = 86_400_000

const languageOf = (locale: string) => locale.toLowerCase().split(/[-_]/)[0]
/** The acknowledgement in the shopper's language, else the store's, else the first one written. */
const localizedText = (texts: Record<string, string> | undefined, locale: string, fallback: string) =>
  texts ? texts[locale] ?? texts[languageOf(locale)] ?? texts[fallback] ?? texts[languageOf(fallback)] ?? Object.values(texts)[0] ?? null : null

const answerOf = (template_key: string, extra: Partial<AutomaticAnswer> = {}): AutomaticAnswer => ({
  template_key,
  variables: {},
  body: null,
  rcs_payload: null,
  order_id: null,
  consent_reply: null,
  literal: false,
  claimed: false,
  ...extra,
})

/**
 * Reads what a shopper's text asks and chooses the plugin's answer (docs/conversations.md):
 * - the text-to-join keyword → the double opt-in question (or "already subscribed");
 * - a person → the conversation is handed off, the shopper told when to expect the answer;
 * - the order's status → only from the orders tied to this phone;
 * - an FAQ entry the store filled in → its answer;
 * - anything else → stored only, or the configured acknowledgement at most once a day.
 * Then the `conversations.responder` module may change the choice. No answer at all when automatic
 * answers are off, the number stopped everything, or the loop guard is reached (`blocked` says which);
 * a hand-off still happens then. Side effects, taken only when an answer may go: the day's
 * acknowledgement is claimed (one per day even for two texts at once) and a join request recorded.
 */
export const chooseAnswerStep = createStep(
  "sms-rcs-choose-answer",
  async (input: ChooseAnswerStepInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const settings = options.conversations
    const storeLocale = await fallbackLocale(container, options.defaultLocale)

    const faq = (await messaging.listFaqEntries({ enabled: true }, { take: 500 })) as unknown as FaqCandidate[]
    const intent = await joinsOrAnswers(
      container,
      input,
      classifyInbound({
        body: input.body,
        postback: input.postback,
        faq,
        joinKeywords: settings.join.enabled ? settings.join.keywords : null,
      })
    )
    const locale = intent.locale ?? storeLocale

    const blocked = await blockOf(container, input, intent)
    let answer: AutomaticAnswer | null = null
    const handoff = intent.kind === "human"
    if (!blocked) {
      answer = await defaultAnswer(container, input, intent, locale, storeLocale)
    }

    const context: AnswerContext = {
      conversation_id: input.conversation_id,
      phone: input.phone,
      customer_id: input.customer_id,
      channel: input.channel,
      text: input.body,
      postback: input.postback,
      locale,
      intent: intent.kind,
      proposed: answer ? { template_key: answer.template_key, body: answer.body } : null,
    }
    const chosen: ChosenAnswer = { intent: intent.kind, locale, answer, handoff, blocked, context }
    return new StepResponse(settings.responder ? await withResponder(container, settings.responder, chosen) : chosen)
  }
)

/** What forbids any automatic answer to this text (the join keyword has its own switch). */
async function blockOf(container: MedusaContainer, input: ChooseAnswerStepInput, intent: InboundIntent): Promise<AnswerBlock | null> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const settings = messaging.getOptions().conversations
  if (!settings.autoAnswers && intent.kind !== "join") return "auto_answers_off"
  const permission = await replyPermission(container, input.phone)
  if (!permission.allowed) return permission.code ?? "opted_out_all"
  // the loop guard is claimed once the answer is decided (claimAnswerStep): atomic, per conversation
  return null
}

/** How long after the store's last text a "oui" / "yes" reads as an answer to it, not as the join keyword. */
const REPLY_WINDOW_MS = 24 * 3_600_000

/**
 * The join keyword is the whole text; when it is also a word that answers a question (OUI, YES), it
 * joins only a conversation with nothing to answer: not waiting for a person, not assigned, and no text
 * from the store in the last day. A French shopper's "Oui" to an agent's question subscribes nobody.
 */
async function joinsOrAnswers(container: MedusaContainer, input: ChooseAnswerStepInput, intent: InboundIntent): Promise<InboundIntent> {
  if (intent.kind !== "join" || parseInboundKeyword(input.body).kind !== "confirm") return intent
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const conversation = await messaging.conversation(input.conversation_id)
  const last = await messaging.lastOutboundAt(input.phone)
  const busy = input.conversation_status === "waiting" || !!conversation?.assignee_id || (last !== null && Date.now() - last.getTime() < REPLY_WINDOW_MS)
  return busy ? { kind: "unknown", locale: intent.locale, reason: "no_rule" } : intent
}

async function defaultAnswer(
  container: MedusaContainer,
  input: ChooseAnswerStepInput,
  intent: InboundIntent,
  locale: string,
  storeLocale: string
): Promise<AutomaticAnswer | null> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const settings = options.conversations
  switch (intent.kind) {
    case "join": {
      if ((await messaging.consentStateOf(input.phone)).marketing === "granted") return answerOf("conversation_join_subscribed")
      // the question must go before a request says it was asked: its loop-guard slot first, so a
      // request is never recorded (and a later YES never confirms it) for a question that did not go
      const { maxAutomaticAnswers, windowMinutes } = settings
      if (!(await messaging.claimAutomaticAnswer(input.conversation_id, maxAutomaticAnswers, windowMinutes * 60_000))) return null
      // the text is the request's proof; the YES that follows (recordInbound) makes the consent
      const { event_id, ask } = await messaging.requestMarketingOptIn({
        phone: input.phone,
        source: "keyword",
        customer_id: input.customer_id,
        wording: input.body.slice(0, 1_000),
        wording_version: "text-to-join",
        locale,
        evidence: { text_to_join: true, keyword: input.body.trim().slice(0, 20) },
      })
      // not asked again within the cooldown, nor after a STOP ALL: the request stays recorded
      return ask ? answerOf("consent_double_opt_in", { consent_reply: "double_opt_in", variables: { request_event_id: event_id }, claimed: true }) : null
    }
    case "human": {
      // told once when to expect a person: asking again while waiting rings the bell no more either
      if (input.conversation_status === "waiting") return null
      const hours = businessHoursOf(settings, options.defaultTimeZone)
      const expected = expectedReply(new Date(), hours)
      return answerOf("conversation_handoff", {
        variables: expected.open_now
          ? { open_now: true, opens_at: null }
          : { open_now: false, opens_at: formatOpening(expected.opens_at, locale, hours.timeZone) },
      })
    }
    case "order_status": {
      const orders = await ordersOfPhone(container, input.phone, input.customer_id, {
        placedSince: new Date(Date.now() - ANSWERED_ORDER_AGE_DAYS * 86_400_000),
      })
      const rcs = input.channel === "rcs" && !!options.rcs.provider
      const chosen = orderAnswer(orders, locale, rcs)
      return answerOf(chosen.template_key, { variables: chosen.variables, rcs_payload: chosen.rcs_payload, order_id: chosen.order_id })
    }
    case "faq":
      // the store's own words, as written: `{{…}}` in an answer is not a template
      return answerOf("conversation_faq", { body: intent.answer, literal: true })
    case "unknown": {
      // a tap is not a question (an RCS "Track it" link, a campaign's button), and a shopper waiting for
      // a person was told already: neither gets the acknowledgement
      if (input.postback || input.conversation_status === "waiting") return null
      const text = localizedText(settings.acknowledgement, locale, storeLocale)
      if (!text || !(await messaging.claimConversationAcknowledgement(input.conversation_id, DAY_MS))) return null
      return answerOf("conversation_acknowledgement", { body: text, literal: true })
    }
  }
}

/**
 * The store's responder module may change the plugin's choice. A responder that throws or answers
 * something invalid is logged and the plugin's own choice stands: the shopper is still answered.
 */
async function withResponder(container: MedusaContainer, modulePath: string, chosen: ChosenAnswer): Promise<ChosenAnswer> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let result: ResponderResult | null | undefined
  try {
    const raw = await loadResponder(modulePath)(chosen.context)
    result = raw == null ? raw : responderResultSchema.parse(raw)
  } catch (e) {
    logger.warn(`[sms-rcs] conversations.responder failed, the plugin's own answer stands: ${(e as Error).message}`)
    return chosen
  }
  return applyDecision(chosen, result)
}

/** A responder's or the hook's decision over the plugin's choice (responder.ts says what each field does). */
export function applyDecision(chosen: ChosenAnswer, result: ResponderResult | null | undefined): ChosenAnswer {
  if (!result) return chosen
  const answer =
    result.answer === undefined
      ? chosen.answer
      : result.answer === null
        ? null
        : answerOf("conversation_custom", { body: result.answer.body, rcs_payload: result.answer.rcs_payload ?? null, literal: true })
  return {
    ...chosen,
    // the rules that forbid an answer hold whatever the code says; and the text-to-join question is the
    // plugin's own (its request is recorded as asked, the proof of the consent that follows): kept as is
    answer: chosen.blocked ? null : chosen.intent === "join" ? chosen.answer : answer,
    handoff: result.handoff ?? chosen.handoff,
  }
}
