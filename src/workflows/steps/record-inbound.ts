import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseInboundKeyword } from "../../lib/consent"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { fallbackLocale } from "./store-facts"

export type RecordInboundStepInput = {
  from: string
  to?: string | null
  body: string
  provider: string
  provider_message_id: string
}

export type InboundReply = {
  template_key: "consent_stop_confirmation" | "consent_start_confirmation" | "consent_help"
  locale: string
  variables: Record<string, unknown>
} | null

const FRENCH_KEYWORDS = new Set(["arret", "desabonner", "desinscrire", "desabonnement", "desinscription", "oui", "aide"])

/**
 * Stores an inbound text once, and acts on its keyword: STOP revokes marketing, STOP ALL everything,
 * START/YES/OUI grants marketing again — each with the inbound text as its proof. Returns the reply to
 * send (the one confirmation the rules allow after STOP, or the HELP answer), or null.
 */
export const recordInboundStep = createStep(
  "sms-rcs-record-inbound",
  async (input: RecordInboundStepInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const intent = parseInboundKeyword(input.body)
    const kind = intent.kind === "stop" && intent.scope === "all" ? "stop_all" : intent.kind
    const keyword = intent.kind === "none" ? null : intent.keyword
    const { created } = await messaging.recordInbound({ ...input, intent: kind, keyword })
    if (!created || intent.kind === "none") {
      return new StepResponse<InboundReply>(null)
    }

    const evidence = { inbound_provider: input.provider, inbound_message_id: input.provider_message_id, text: input.body }
    const proof = { phone: input.from, source: "keyword" as const, wording: input.body, evidence }
    if (intent.kind === "stop") {
      await messaging.recordConsent({ ...proof, purpose: "marketing", action: "revoke" })
      if (intent.scope === "all") {
        await messaging.recordConsent({ ...proof, purpose: "transactional", action: "revoke" })
      }
    }
    if (intent.kind === "start") {
      // A YES to a double opt-in request still waiting is the request's completion, and says so.
      const [marketing] = await messaging.listConsents({ phone: input.from, purpose: "marketing" }, { take: 1 })
      const ttlMs = messaging.getOptions().consent.doubleOptInTtlHours * 3_600_000
      const confirmsRequest =
        marketing?.status === "pending" && !!marketing.last_event_at && Date.now() - new Date(marketing.last_event_at).getTime() <= ttlMs
      const source = confirmsRequest ? ("double_opt_in" as const) : ("keyword" as const)
      await messaging.recordConsent({ ...proof, source, purpose: "transactional", action: "grant" })
      await messaging.recordConsent({ ...proof, source, purpose: "marketing", action: "grant" })
    }

    const options = messaging.getOptions()
    if (!options.consent.replyToKeywords) {
      return new StepResponse<InboundReply>(null)
    }
    const locale = keyword && FRENCH_KEYWORDS.has(keyword) ? "fr" : await fallbackLocale(container, options.defaultLocale)
    const reply: InboundReply =
      intent.kind === "stop"
        ? { template_key: "consent_stop_confirmation", locale, variables: { stopped_all: intent.scope === "all" } }
        : intent.kind === "start"
          ? { template_key: "consent_start_confirmation", locale, variables: {} }
          : { template_key: "consent_help", locale, variables: {} }
    return new StepResponse(reply)
  }
)
