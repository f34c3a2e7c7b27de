import { hasPlaceholder } from "./faq"
import { hasPhrase, normalizeText } from "./text"

export type FaqCandidate = { id: string; locale: string; keywords: string[]; postbacks: string[]; answer: string; enabled: boolean }

/** What a shopper's text (or tap) asks, as the automatic answers read it. */
export type InboundIntent =
  | { kind: "join"; locale: string }
  | { kind: "human"; locale: string | null }
  | { kind: "order_status"; locale: string | null }
  | { kind: "faq"; locale: string; faq_id: string; answer: string }
  | { kind: "unknown"; locale: string | null; reason: "no_rule" | "faq_not_filled" }

/** The RCS postbacks the plugin's own suggestions send ("Track my order", "Talk to a person"). */
export const POSTBACKS = { order_status: "track_order", human: "talk_to_human" } as const

/** Phrases per language, compared as whole words without accents or case. */
const ORDER_STATUS: Record<string, string[]> = {
  en: ["where is my order", "where s my order", "wheres my order", "where is my package", "where is my parcel", "track my order", "tracking", "order status", "track order"],
  fr: ["ou est ma commande", "ou en est ma commande", "suivi", "suivre ma commande", "suivi de commande", "ou est mon colis"],
}
const HUMAN: Record<string, string[]> = {
  en: ["human", "agent", "person", "real person", "talk to someone", "speak to someone", "customer service", "operator"],
  fr: ["conseiller", "conseillere", "humain", "une personne", "parler a quelqu un", "service client"],
}

function matchPhrases(normalized: string, table: Record<string, string[]>): { locale: string } | null {
  for (const [locale, phrases] of Object.entries(table)) {
    if (phrases.some((p) => hasPhrase(normalized, p))) return { locale }
  }
  return null
}

export type ClassifyInput = {
  body: string
  postback?: string | null
  faq: readonly FaqCandidate[]
  /** The text-to-join keyword per locale (a whole text equal to it), or null when text-to-join is off. */
  joinKeywords: Record<string, string> | null
}

/**
 * What the text asks, first rule that matches: the join keyword (the whole text), a person, the order's
 * status, an FAQ entry of the store (its postbacks, then its keywords); else not understood. An FAQ entry
 * still holding [placeholders] is not sent: the text counts as not understood. Linear in the text (cut
 * to READ_CHARS) times the rules.
 */
export function classifyInbound({ body, postback, faq, joinKeywords }: ClassifyInput): InboundIntent {
  const normalized = normalizeText(body)
  const tapped = postback?.trim().toLowerCase() || null
  if (joinKeywords && !tapped) {
    for (const [locale, keyword] of Object.entries(joinKeywords)) {
      if (normalized !== "" && normalized === normalizeText(keyword)) return { kind: "join", locale }
    }
  }
  if (tapped === POSTBACKS.human) return { kind: "human", locale: null }
  if (tapped === POSTBACKS.order_status) return { kind: "order_status", locale: null }
  const human = matchPhrases(normalized, HUMAN)
  if (human) return { kind: "human", locale: human.locale }
  const order = matchPhrases(normalized, ORDER_STATUS)
  if (order) return { kind: "order_status", locale: order.locale }

  const enabled = faq.filter((f) => f.enabled)
  const hit =
    (tapped && enabled.find((f) => f.postbacks.some((p) => p.trim().toLowerCase() === tapped))) ||
    enabled.find((f) => f.keywords.some((k) => hasPhrase(normalized, k)))
  if (hit) {
    if (hasPlaceholder(hit.answer)) return { kind: "unknown", locale: hit.locale, reason: "faq_not_filled" }
    return { kind: "faq", locale: hit.locale, faq_id: hit.id, answer: hit.answer }
  }
  return { kind: "unknown", locale: null, reason: "no_rule" }
}
