import {
  AMBIGUOUS_PHRASES,
  BENIGN_PHRASES,
  CANONICAL_SEQUENCES,
  CANONICAL_WORDS,
  COMPLAINING_NEGATIONS,
  CONFIRM_MESSAGES,
  EVERYDAY_STOP_WORDS,
  FILLERS,
  FRENCH_NEGATION_END,
  GRANT_FILLERS,
  HELP_MESSAGES,
  KEEP_PHRASES,
  KEEPING_NEGATIONS,
  OPT_OUT_WORDS,
  STANDALONE_STOP,
  START_MESSAGES,
  STOP_PHRASES,
  STOP_VERBS,
} from "./keyword-lexicon"

/**
 * What an inbound text asks for, in English and French, whatever its case, accents, punctuation, emoji
 * or length:
 * - stop (marketing) / stop all (marketing and transactional): an opt-out keyword standing as a segment of
 *   its own anywhere ("Why do I get this? STOP"), an opt-out-only word anywhere ("how do I unsubscribe"),
 *   or a revocation said in a sentence ("delete my number", "ne plus me contacter"). FCC 24-24 asks that
 *   revocation by "any reasonable means" be honoured, so these are caught broadly;
 * - start: START / UNSTOP / SUBSCRIBE as the whole text (re-subscribes what a STOP ended);
 * - confirm: YES / OUI as the whole text (confirms a pending double opt-in request, nothing else);
 * - help: HELP / INFO / AIDE standing as a segment;
 * - ambiguous: an opt-out word in a sentence that does not say what it stops ("when will this stop?",
 *   "these texts won't stop"), conflicting signals, or a question about where the texts come from. The
 *   plugin changes no consent for it, flags it and answers once with how to stop (docs/compliance.md);
 * - none: anything else, including negations and "keep sending" ("don't stop!", "n'arrêtez pas") and words
 *   that merely contain or resemble a keyword ("nonstop deals", "the stop sign", "cancel order 55").
 * Runs in time linear in the text: one pass to tokenize, and per token a bounded look at its neighbours.
 */
export type KeywordIntent =
  | { kind: "stop"; scope: "marketing" | "all"; keyword: string; language: "en" | "fr" | null }
  | { kind: "start"; keyword: string; language: "en" | "fr" | null }
  | { kind: "confirm"; keyword: string; language: "en" | "fr" | null }
  | { kind: "help"; keyword: string; language: "en" | "fr" | null }
  | { kind: "ambiguous"; keyword: string; language: "en" | "fr" | null }
  | { kind: "none" }

type Token = { w: string; caps: boolean }
/** Counts the classifier's steps, so a test can check that the work grows linearly with the text. */
export type Work = { steps: number }
type Slot = { words: ReadonlySet<string>; optional: boolean }
type Phrase<T> = { slots: Slot[]; text: string; value: T }

const LETTER_OR_DIGIT = /[A-Za-z0-9]/
/** Inside a word's segment: spaces, apostrophes, hyphens. Any other non-letter ends the segment. */
const WORD_BREAK = new Set([" ", "\t", "'", "’", "‘", "`", "ʼ", "´", "-", "‐", "‑", "–", "_", "\u00a0", "\u202f", "/", "&", "+", "*", "#", "@"])
const STOP_SIGN_EMOJI = "\u{1F6D1}"

/** Lower case, no accents, no punctuation, single spaces: "Arrêt !!" → "arret". */
export function normalizeInbound(text: string): string {
  return segmentsOf(text)
    .map((segment) => segment.map((t) => t.w).join(" "))
    .filter(Boolean)
    .join(" ")
}

function foldCharacters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒ]/g, (c) => (c === "œ" ? "oe" : "OE"))
    .replace(/[æÆ]/g, (c) => (c === "æ" ? "ae" : "AE"))
    .replace(/ß/g, "ss")
}

/** Segments (split at sentence punctuation, line breaks, quotes and emoji) of canonical tokens. */
function segmentsOf(text: string): Token[][] {
  const folded = foldCharacters(text)
  const segments: Token[][] = []
  let segment: Token[] = []
  let word = ""
  const endWord = () => {
    if (word) {
      segment.push({ w: word.toLowerCase(), caps: word.length >= 2 && /[A-Z]/.test(word) && word === word.toUpperCase() })
      word = ""
    }
  }
  for (const c of folded) {
    if (LETTER_OR_DIGIT.test(c)) {
      word += c
    } else if (WORD_BREAK.has(c)) {
      endWord()
    } else {
      endWord()
      if (segment.length) segments.push(canonical(segment))
      segment = []
    }
  }
  endWord()
  if (segment.length) segments.push(canonical(segment))
  return segments
}

const SEQUENCES = compileSequences(CANONICAL_SEQUENCES)

function compileSequences(table: Record<string, string>): Map<string, { from: string[]; to: string[] }[]> {
  const byFirst = new Map<string, { from: string[]; to: string[] }[]>()
  for (const [from, to] of Object.entries(table)) {
    const words = from.split(" ")
    const list = byFirst.get(words[0]) ?? []
    list.push({ from: words, to: to.split(" ") })
    list.sort((a, b) => b.from.length - a.from.length)
    byFirst.set(words[0], list)
  }
  return byFirst
}

function canonical(tokens: Token[]): Token[] {
  const words = tokens.map((t) => ({ w: CANONICAL_WORDS[t.w] ?? t.w, caps: t.caps }))
  const out: Token[] = []
  for (let i = 0; i < words.length; ) {
    const candidates = SEQUENCES.get(words[i].w)
    const hit = candidates?.find((s) => s.from.every((w, k) => words[i + k]?.w === w))
    if (hit) {
      for (const w of hit.to) out.push({ w, caps: words[i].caps })
      i += hit.from.length
    } else {
      out.push(words[i])
      i++
    }
  }
  return out
}

function compile<T>(entries: [string, T][]): Map<string, Phrase<T>[]> {
  const byFirst = new Map<string, Phrase<T>[]>()
  for (const [text, value] of entries) {
    const slots = text.split(" ").map((slot) => {
      const optional = slot.startsWith("?")
      return { optional, words: new Set((optional ? slot.slice(1) : slot).split("|")) }
    })
    if (slots[0].optional) throw new Error(`keyword phrase "${text}" must not start with an optional word`)
    for (const first of slots[0].words) {
      const list = byFirst.get(first) ?? []
      list.push({ slots, text, value })
      byFirst.set(first, list)
    }
  }
  return byFirst
}

/** Length of the match of `slots[k..]` at `tokens[i..]`, or -1 (bounded: phrases have a few slots). */
function matchLength(tokens: Token[], i: number, slots: Slot[], k = 0): number {
  if (k === slots.length) return 0
  const slot = slots[k]
  if (i < tokens.length && slot.words.has(tokens[i].w)) {
    const rest = matchLength(tokens, i + 1, slots, k + 1)
    if (rest >= 0) return rest + 1
  }
  return slot.optional ? matchLength(tokens, i, slots, k + 1) : -1
}

/** The longest phrase matching at `tokens[i]` (the first listed on a tie), or null. */
function matchAt<T>(index: Map<string, Phrase<T>[]>, tokens: Token[], i: number, work?: Work): { phrase: Phrase<T>; length: number } | null {
  let best: { phrase: Phrase<T>; length: number } | null = null
  for (const phrase of index.get(tokens[i].w) ?? []) {
    if (work) work.steps++
    const length = matchLength(tokens, i, phrase.slots)
    if (length > 0 && length > (best?.length ?? 0)) best = { phrase, length }
  }
  return best
}

// on a tie between two phrases of the same length, "all" wins ("stop contacting me" over "stop contacting")
const STOP_INDEX = compile([...STOP_PHRASES].sort(([, a], [, b]) => (a === b ? 0 : a === "all" ? -1 : 1)))
const KEEP_INDEX = compile(KEEP_PHRASES.map((p) => [p, true] as [string, boolean]))
const BENIGN_INDEX = compile(BENIGN_PHRASES.map((p) => [p, true] as [string, boolean]))
const AMBIGUOUS_INDEX = compile(AMBIGUOUS_PHRASES.map((p) => [p, true] as [string, boolean]))
const NEGATION_WINDOW = 5
const NEGATION_STARTS = new Set(["dont", "ne", "never", "not"])

/**
 * Is the stop verb at `i` negated? "keep" for "don't stop", "n'arrêtez pas", "never unsubscribe me";
 * "complain" for "these texts won't stop"; null when it is not negated — a negation addressed to the
 * shop ("why don't you stop", "can't you stop") is a request, not a negation.
 */
function negationOf(tokens: Token[], i: number, work?: Work): "keep" | "complain" | null {
  for (let j = i - 1; j >= 0 && j >= i - NEGATION_WINDOW; j--) {
    if (work) work.steps++
    const w = tokens[j].w
    const addressed = tokens[j + 1]?.w === "you"
    if (KEEPING_NEGATIONS.has(w) && !addressed) return "keep"
    if (COMPLAINING_NEGATIONS.has(w) && !addressed) return "complain"
    if (w === "ne") {
      for (let k = j + 1; k <= i + 2 && k < tokens.length; k++) {
        if (FRENCH_NEGATION_END.has(tokens[k].w)) return "keep"
      }
    }
  }
  return null
}

type SegmentVerdict =
  | { kind: "stop"; scope: "marketing" | "all"; keyword: string }
  | { kind: "ambiguous" | "help"; keyword: string }
  | { kind: "keep" | "none" }

function classifySegment(tokens: Token[], mixedCase: boolean, work?: Work): SegmentVerdict {
  const core = tokens.filter((t) => !FILLERS.has(t.w)).map((t) => t.w)
  const coreText = core.join(" ")
  const standalone = STANDALONE_STOP[coreText]
  if (standalone) return { kind: "stop", scope: standalone, keyword: coreText }
  if (HELP_MESSAGES.has(coreText)) return { kind: "help", keyword: coreText }

  const used = new Array<boolean>(tokens.length).fill(false)
  const mark = (i: number, length: number) => {
    for (let k = i; k < i + length; k++) used[k] = true
  }
  // the strongest opt-out seen in the segment ("all" beats "marketing"), and the other signals
  const found: { stop: { scope: "marketing" | "all"; keyword: string } | null } = { stop: null }
  let keep = false
  let ambiguous: string | null = null
  const stopFound = (scope: "marketing" | "all", keyword: string) => {
    if (!found.stop || (scope === "all" && found.stop.scope !== "all")) found.stop = { scope, keyword }
  }

  for (let i = 0; i < tokens.length; i++) {
    const benign = matchAt(BENIGN_INDEX, tokens, i, work)
    if (benign) mark(i, benign.length)
    const keeping = matchAt(KEEP_INDEX, tokens, i, work)
    if (keeping) {
      keep = true
      mark(i, keeping.length)
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue
    const found = matchAt(STOP_INDEX, tokens, i, work)
    if (!found) continue
    const end = i + found.length
    mark(i, found.length)
    if (STOP_VERBS.has(tokens[i].w)) {
      const negation = negationOf(tokens, i, work)
      if (negation === "keep") {
        keep = true
        continue
      }
      if (negation === "complain") {
        ambiguous ??= found.phrase.text
        continue
      }
    }
    // "I don't want the deals to stop": the negation was about stopping, not about the texts
    if (NEGATION_STARTS.has(tokens[i].w) && tokens.slice(end, end + 3).some((t) => STOP_VERBS.has(t.w))) continue
    stopFound(found.phrase.value, tokens.slice(i, end).map((t) => t.w).join(" "))
  }
  const firstCore = tokens.findIndex((t) => !FILLERS.has(t.w))
  for (let i = 0; i < tokens.length; i++) {
    if (work) work.steps++
    if (used[i]) continue
    const w = tokens[i].w
    const optOutWord = OPT_OUT_WORDS[w]
    if (!optOutWord && !EVERYDAY_STOP_WORDS.has(w)) {
      const question = matchAt(AMBIGUOUS_INDEX, tokens, i, work)
      if (question) ambiguous ??= tokens.slice(i, i + question.length).map((t) => t.w).join(" ")
      continue
    }
    const negation = negationOf(tokens, i, work)
    if (negation === "keep" || (negation === "complain" && optOutWord)) {
      keep = true
    } else if (negation === "complain") {
      ambiguous ??= w
    } else if (optOutWord) {
      stopFound(optOutWord, w)
    } else if (i === firstCore || (tokens[i].caps && mixedCase)) {
      // an imperative ("Stop the madness") or a shouted STOP in a sentence ("I said STOP")
      stopFound("marketing", w)
    } else {
      ambiguous ??= w
    }
  }
  if (found.stop && keep) return { kind: "ambiguous", keyword: found.stop.keyword }
  if (found.stop) return { kind: "stop", ...found.stop }
  if (ambiguous) return { kind: "ambiguous", keyword: ambiguous }
  return { kind: keep ? "keep" : "none" }
}

const FRENCH_MARKERS = new Set([
  "arret", "arretez", "desabonner", "desabonnez", "desabonne", "desabonnement", "desinscrire", "desinscrivez",
  "desinscription", "oui", "ouais", "aide", "aidez", "svp", "merci", "bonjour", "bonsoir", "salut", "je", "ne",
  "plus", "moi", "mon", "vos", "les", "de", "tout", "pas", "numero", "supprimez", "retirez", "effacez", "stoptout",
  "me", "vous", "des", "sms", "envoyer", "contacter", "tdsuite", "maintenant",
])
const ENGLISH_MARKERS = new Set([
  "please", "thanks", "yes", "help", "unsubscribe", "me", "my", "you", "the", "texts", "messages", "number",
  "now", "again", "want", "dont", "all", "stopall", "hi", "hello", "info", "everything", "is", "this",
])

function languageOf(segments: Token[][]): "en" | "fr" | null {
  let fr = 0
  let en = 0
  for (const segment of segments) {
    for (const t of segment) {
      if (FRENCH_MARKERS.has(t.w)) fr++
      if (ENGLISH_MARKERS.has(t.w)) en++
    }
  }
  return fr > en ? "fr" : en > fr ? "en" : null
}

export function parseInboundKeyword(text: string, work?: Work): KeywordIntent {
  const segments = segmentsOf(text)
  const language = languageOf(segments)
  const mixedCase = /[a-z]/.test(text) && /[A-Z]/.test(text)
  let stop: { scope: "marketing" | "all"; keyword: string } | null = null
  let ambiguous: string | null = null
  let help: string | null = null
  for (const segment of segments) {
    const verdict = classifySegment(segment, mixedCase, work)
    if (verdict.kind === "stop" && (!stop || (verdict.scope === "all" && stop.scope !== "all"))) {
      stop = { scope: verdict.scope, keyword: verdict.keyword }
    }
    if (verdict.kind === "ambiguous") ambiguous ??= verdict.keyword
    if (verdict.kind === "help") help ??= verdict.keyword
  }
  if (stop) return { kind: "stop", ...stop, language }
  if (ambiguous) return { kind: "ambiguous", keyword: ambiguous, language }

  const whole = segments
    .flat()
    .map((t) => t.w)
    .filter((w) => !GRANT_FILLERS.has(w))
    .join(" ")
  if (START_MESSAGES.has(whole)) return { kind: "start", keyword: whole, language }
  if (CONFIRM_MESSAGES.has(whole)) return { kind: "confirm", keyword: whole, language }
  if (help) return { kind: "help", keyword: help, language }
  if (text.includes(STOP_SIGN_EMOJI) && segments.length === 0) return { kind: "ambiguous", keyword: STOP_SIGN_EMOJI, language }
  return { kind: "none" }
}
