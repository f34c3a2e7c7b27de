import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseInboundKeyword, type ConsentReplyKind } from "../../../lib/consent"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { fallbackLocale } from "../../utils/store-facts"

export type RecordInboundStepInput = {
  from: string
  to?: string | null
  body: string
  provider: string
  provider_message_id: string
  /** A tapped RCS suggestion (see WebhookEvent). */
  tap?: { postback: string | null; in_reply_to: string | null } | null
}

export type InboundReply = {
  template_key: "consent_stop_confirmation" | "consent_start_confirmation" | "consent_help" | "consent_clarify"
  consent_reply: ConsentReplyKind
  locale: string
  variables: Record<string, unknown>
} | null

/**
 * What the step did: the consent reply to send, the inbound row, whether it was new (a replay is not),
 * and whether a consent keyword took the text (then nothing else answers it).
 */
export type RecordedInbound = { reply: InboundReply; inbound_id: string; created: boolean; consumed: boolean }

/**
 * Stores an inbound text once, and acts on what it asks (lib/consent/keywords.ts), with the text as its
 * proof:
 * - STOP revokes marketing, STOP ALL everything;
 * - START re-subscribes what the owner's last opt-out ended, and nothing else;
 * - YES / OUI confirm a double opt-in request still waiting (asked by text within its time limit), and
 *   nothing else: a "yes" to anything else changes no consent;
 * - an ambiguous text changes nothing, is stored flagged "ambiguous", and is answered once with how to stop.
 * Returns the reply to send (the one confirmation the rules allow after STOP, HELP …), or null.
 */
export const recordInboundStep = createStep(
  "sms-rcs-record-inbound",
  async (input: RecordInboundStepInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const intent = parseInboundKeyword(input.body)
    const kind = intent.kind === "stop" && intent.scope === "all" ? "stop_all" : intent.kind
    const keyword = intent.kind === "none" ? null : intent.keyword
    const { id: inbound_id, created } = await messaging.recordInbound({ ...input, intent: kind, keyword })
    const done = (reply: InboundReply, consumed = true) =>
      new StepResponse<RecordedInbound>({ reply, inbound_id, created, consumed })
    try {
      return await act()
    } catch (error) {
      // the text is forgotten when what it asks could not be done (a database fault between storing a STOP
      // and revoking it): the webhook fails, and the provider's retry (RBM's Pub/Sub, a Twilio webhook with
      // retries on) is then a new text, not a replay, and is done. A later step's failure (an answer, the
      // hand-off) keeps the text: it is the shopper's, and the inbox shows it.
      if (created) await messaging.deleteInboundMessages(inbound_id).catch(() => undefined)
      throw error
    }

    async function act(): Promise<StepResponse<RecordedInbound>> {
      if (!created || intent.kind === "none") {
        return done(null, false)
      }

      const evidence = { inbound_provider: input.provider, inbound_message_id: input.provider_message_id, text: input.body }
      const proof = { phone: input.from, source: "keyword" as const, wording: input.body, evidence }
      let reply: Omit<NonNullable<InboundReply>, "locale"> | null = null
      if (intent.kind === "stop") {
        await messaging.recordConsent({ ...proof, purpose: "marketing", action: "revoke" })
        if (intent.scope === "all") {
          await messaging.recordConsent({ ...proof, purpose: "transactional", action: "revoke" })
        }
        reply = { template_key: "consent_stop_confirmation", consent_reply: "stop_confirmation", variables: { stopped_all: intent.scope === "all" } }
      } else if (intent.kind === "start") {
        const ended = await messaging.endedByLastStop(input.from)
        for (const purpose of ended) {
          await messaging.recordConsent({ ...proof, purpose, action: "grant", evidence: { ...evidence, undoes: "the last opt-out" } })
        }
        reply = ended.length
          ? { template_key: "consent_start_confirmation", consent_reply: "start_confirmation", variables: {} }
          : { template_key: "consent_help", consent_reply: "help", variables: {} }
      } else if (intent.kind === "confirm") {
        const requestId = await messaging.pendingOptInRequest(input.from)
        if (!requestId) {
          // a "yes" to something else (a delivery question …, or OUI the text-to-join keyword): no consent
          // changed here; the conversation answers it
          return done(null, false)
        }
        await messaging.recordConsent({
          ...proof,
          source: "double_opt_in",
          purpose: "marketing",
          action: "grant",
          evidence: { ...evidence, request_event_id: requestId },
        })
        reply = { template_key: "consent_start_confirmation", consent_reply: "start_confirmation", variables: {} }
      } else if (intent.kind === "help") {
        reply = { template_key: "consent_help", consent_reply: "help", variables: {} }
      } else {
        reply = { template_key: "consent_clarify", consent_reply: "clarify", variables: {} }
      }

      if (!options.consent.replyToKeywords) {
        return done(null)
      }
      // a bot texting HELP to every text is answered at most as often as the conversations' loop guard
      // allows; a STOP or START is always confirmed (the shopper must know it was taken)
      if (reply.consent_reply === "help" || reply.consent_reply === "clarify") {
        const { maxAutomaticAnswers, windowMinutes } = options.conversations
        const since = new Date(Date.now() - windowMinutes * 60_000)
        if ((await messaging.keywordRepliesSince(input.from, ["help", "clarify"], since)) >= maxAutomaticAnswers) return done(null)
      }
      const locale = intent.language === "fr" ? "fr" : await fallbackLocale(container, options.defaultLocale)
      return done({ ...reply, locale })
    }

  }
)
