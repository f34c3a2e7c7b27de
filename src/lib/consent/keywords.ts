/**
 * What an inbound text asks for, in English and French, whatever its case, accents and punctuation:
 * - stop (marketing) / stop all (marketing and transactional),
 * - start (re-subscribe, also the "YES"/"OUI" of double opt-in),
 * - help,
 * - nothing (a reply to store for the admin).
 * Opt-out keywords count anywhere in a short message ("STOP please", "Arrêt !"), and natural phrases
 * ("stop texting me", "please remove me") anywhere: a missed opt-out costs far more than a false one
 * (FCC 24-24: revocation by "any reasonable means").
 */
export type KeywordIntent =
  | { kind: "stop"; scope: "marketing" | "all"; keyword: string }
  | { kind: "start"; keyword: string }
  | { kind: "help"; keyword: string }
  | { kind: "none" }

const STOP_ALL = ["stopall", "stop all", "stop tout", "stoptout"]
const STOP_WORDS = ["stop", "unsubscribe", "end", "quit", "cancel", "revoke", "optout", "arret", "desabonner", "desinscrire", "desabonnement", "desinscription"]
const STOP_PHRASES = [
  "opt out",
  "opt-out",
  "stop texting",
  "stop messaging",
  "stop sending",
  "stop the texts",
  "stop the messages",
  "no more texts",
  "no more messages",
  "dont text me",
  "don t text me",
  "do not text me",
  "dont message me",
  "don t message me",
  "do not message me",
  "remove me",
  "take me off",
  "unsubscribe me",
  "leave me alone",
  "wrong number",
  "ne plus recevoir",
  "ne m envoyez plus",
  "ne plus m envoyer",
  "ne menvoyez plus",
  "arretez de m envoyer",
  "arretez les sms",
  "arretez les messages",
  "supprimez moi",
  "retirez moi",
  "desinscrivez moi",
  "je ne veux plus",
]
const START_WORDS = ["start", "unstop", "yes", "oui", "subscribe"]
const HELP_WORDS = ["help", "info", "aide"]

/** Lower case, no accents, no punctuation, single spaces: "Arrêt !!" → "arret". */
export function normalizeInbound(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

const SHORT_MESSAGE_WORDS = 3

export function parseInboundKeyword(text: string): KeywordIntent {
  const normalized = normalizeInbound(text)
  if (!normalized) return { kind: "none" }
  const words = normalized.split(" ")
  const padded = ` ${normalized} `
  const joined = normalized.replace(/ /g, "")

  for (const keyword of STOP_ALL) {
    if (padded.includes(` ${keyword} `) || joined === keyword.replace(/ /g, "")) {
      return { kind: "stop", scope: "all", keyword: "stopall" }
    }
  }
  for (const phrase of STOP_PHRASES) {
    const p = normalizeInbound(phrase)
    if (padded.includes(` ${p} `)) return { kind: "stop", scope: "marketing", keyword: p }
  }
  if (words.length <= SHORT_MESSAGE_WORDS) {
    const word = words.find((w) => STOP_WORDS.includes(w))
    if (word) return { kind: "stop", scope: "marketing", keyword: word }
  }
  if (words.length <= 2) {
    const start = words.find((w) => START_WORDS.includes(w))
    if (start) return { kind: "start", keyword: start }
    const help = words.find((w) => HELP_WORDS.includes(w))
    if (help) return { kind: "help", keyword: help }
  }
  return { kind: "none" }
}
