import {
  AMBIGUOUS_PHRASES,
  BENIGN_PHRASES,
  CANONICAL_SEQUENCES,
  CANONICAL_WORDS,
  COMPLAINING_NEGATIONS,
  COMPLAINT_SUBJECTS,
  CONFIRM_MESSAGES,
  EVERYDAY_STOP_WORDS,
  FILLERS,
  FRENCH_NEGATION_END,
  GRANT_FILLERS,
  HELP_MESSAGES,
  KEEP_PHRASES,
  KEEPING_NEGATIONS,
  MENTION_VERBS,
  OPT_OUT_WORDS,
  REFUSALS,
  SPELLED_KEYWORDS,
  STANDALONE_STOP,
  START_MESSAGES,
  STOP_PHRASES,
  STOP_VERBS,
  STRETCHED_WORDS,
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
 *   "these texts won't stop"), conflicting signals ("Stop. I love these"), a keyword quoted rather than
 *   used ("my friend said to text STOP"), a complaint with no opt-out word ("why do you keep texting me"),
 *   or a question about where the texts come from. The
 *   plugin changes no consent for it, flags it and answers once with how to stop (docs/compliance.md);
 * - none: anything else, including negations and "keep sending" ("don't stop!", "n'arrêtez pas"), an opt-out
 *   asked and refused in the same text ("Stop? No way, keep them coming!") and words that merely contain
 *   or resemble a keyword ("nonstop deals", "the stop sign", "Stop & Shop", "cancel order 55").
 * Runs in time linear in the text: one pass to tokenize (joining spelled letters in the same pass), per token
 * a bounded look at its neighbours, and one backward pass per segment for where only politeness is left.
 */
export type KeywordIntent =
  | { kind: "stop"; scope: "marketing" | "all"; keyword: string; language: "en" | "fr" | null }
  | { kind: "start"; keyword: string; language: "en" | "fr" | null }
  | { kind: "confirm"; keyword: string; language: "en" | "fr" | null }
  | { kind: "help"; keyword: string; language: "en" | "fr" | null }
  | { kind: "ambiguous"; keyword: string; language: "en" | "fr" | null }
  | { kind: "none" }

/** `w` is the canonical word, `raw` the word as written (lower case): "text" and "texts" both read "texts". */
type Token = { w: string; raw: string; caps: boolean }
/** A segment's tokens, and whether a "?" ended it ("Stop? No way" asks, it does not opt out). */
type Segment = { tokens: Token[]; asked: boolean }
/** Counts the classifier's steps, so a test can check that the work grows linearly with the text. */
export type Work = { steps: number }
/** `end`: the slot "$", matching only where nothing but politeness is left in the segment ("can you stop?"). */
type Slot = { words: ReadonlySet<string>; optional: boolean; end?: boolean }
type Phrase<T> = { slots: Slot[]; text: string; value: T }

const LETTER_OR_DIGIT = /[A-Za-z0-9]/
/**
 * Inside a word's segment: spaces, apostrophes, hyphens, and double quotes (a quoted keyword is part of the
 * sentence that quotes it: `why would I text "STOP"?`). Any other non-letter ends the segment.
 */
const WORD_BREAK = new Set([" ", "\t", "'", "’", "‘", "`", "ʼ", "´", "-", "‐", "‑", "–", "_", "\u00a0", "\u202f", "/", "&", "+", "*", "#", "@", '"', "“", "”", "„", "«", "»"])
/** Invisible characters that can sit inside a word ("ST\u200bOP" reads STOP): removed before reading. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g
const LETTER = /[A-Za-z]/
const STOP_SIGN_EMOJI = "\u{1F6D1}"

/** Lower case, no accents, no punctuation, single spaces: "Arrêt !!" → "arret". */
export function normalizeInbound(text: string): string {
  return segmentsOf(text)
    .map((segment) => segment.tokens.map((t) => t.w).join(" "))
    .filter(Boolean)
    .join(" ")
}

function foldCharacters(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒ]/g, (c) => (c === "œ" ? "oe" : "OE"))
    .replace(/[æÆ]/g, (c) => (c === "æ" ? "ae" : "AE"))
    .replace(/ß/g, "ss")
}

/** Segments (split at sentence punctuation, line breaks and emoji) of canonical tokens. */
function segmentsOf(text: string): Segment[] {
  const folded = foldCharacters(text)
  const segments: Segment[] = []
  let segment: Token[] = []
  let word = ""
  const endWord = () => {
    if (word) {
      const raw = word.toLowerCase()
      segment.push({ w: raw, raw, caps: word.length >= 2 && /[A-Z]/.test(word) && word === word.toUpperCase() })
      word = ""
    }
  }
  const endSegment = () => {
    endWord()
    if (segment.length) segments.push({ tokens: canonical(joinSpelled(segment)), asked: false })
    segment = []
  }
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i]
    if (LETTER_OR_DIGIT.test(c)) {
      word += c
    } else if (WORD_BREAK.has(c) || isSpellingDot(folded, i, word)) {
      endWord()
    } else {
      endSegment()
      // a "?" after a segment (even past emoji or other punctuation) makes it a question
      if ((c === "?" || c === "？") && segments.length) segments[segments.length - 1].asked = true
    }
  }
  endSegment()
  return segments
}

/** The dot in "S.T.O.P": after a single letter and before a single letter, it separates letters, not sentences. */
function isSpellingDot(text: string, i: number, word: string): boolean {
  return text[i] === "." && word.length === 1 && LETTER.test(text[i + 1] ?? "") && !LETTER_OR_DIGIT.test(text[i + 2] ?? "")
}

/**
 * Joins a run of single letters that spells a keyword ("s t o p" → "stop"), reads stretched words
 * ("stopp" → "stop"). One pass: each token is looked at once, each run joined once.
 */
function joinSpelled(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; ) {
    let end = i
    while (end < tokens.length && tokens[end].raw.length === 1 && LETTER.test(tokens[end].raw)) end++
    const joined = end - i >= 2 ? tokens.slice(i, end).map((t) => t.raw).join("") : ""
    if (SPELLED_KEYWORDS.has(joined)) {
      out.push({ w: joined, raw: joined, caps: false })
      i = end
    } else if (end > i) {
      for (; i < end; i++) out.push(tokens[i])
    } else {
      const stretched = STRETCHED_WORDS.find(([pattern]) => pattern.test(tokens[i].raw))
      out.push(stretched ? { ...tokens[i], w: stretched[1] } : tokens[i])
      i++
    }
  }
  return out
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
  const words = tokens.map((t) => ({ ...t, w: CANONICAL_WORDS[t.w] ?? t.w }))
  const out: Token[] = []
  for (let i = 0; i < words.length; ) {
    const candidates = SEQUENCES.get(words[i].w)
    const hit = candidates?.find((s) => s.from.every((w, k) => words[i + k]?.w === w))
    if (hit) {
      const raw = words.slice(i, i + hit.from.length).map((t) => t.raw).join(" ")
      for (const w of hit.to) out.push({ w, raw, caps: words[i].caps })
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
    const slots = text.split(" ").map((slot): Slot => {
      if (slot === "$") return { words: new Set(), optional: false, end: true }
      const optional = slot.startsWith("?")
      return { optional, words: new Set((optional ? slot.slice(1) : slot).split("|")) }
    })
    if (slots[0].optional || slots[0].end) throw new Error(`keyword phrase "${text}" must start with a word`)
    if (slots.some((slot, k) => slot.end && k !== slots.length - 1)) throw new Error(`keyword phrase "${text}": "$" must be last`)
    for (const first of slots[0].words) {
      const list = byFirst.get(first) ?? []
      list.push({ slots, text, value })
      byFirst.set(first, list)
    }
  }
  return byFirst
}

/**
 * Length of the match of `slots[k..]` at `tokens[i..]`, or -1 (bounded: phrases have a few slots).
 * `politeTail[i]`: only fillers from token i on (computed once per segment, so "$" costs one look).
 */
function matchLength(tokens: Token[], politeTail: boolean[], i: number, slots: Slot[], k = 0): number {
  if (k === slots.length) return 0
  const slot = slots[k]
  if (slot.end) return politeTail[i] ? 0 : -1
  if (i < tokens.length && slot.words.has(tokens[i].w)) {
    const rest = matchLength(tokens, politeTail, i + 1, slots, k + 1)
    if (rest >= 0) return rest + 1
  }
  return slot.optional ? matchLength(tokens, politeTail, i, slots, k + 1) : -1
}

/** The longest phrase matching at `tokens[i]` (the first listed on a tie), or null. */
function matchAt<T>(
  index: Map<string, Phrase<T>[]>,
  tokens: Token[],
  politeTail: boolean[],
  i: number,
  work?: Work,
): { phrase: Phrase<T>; length: number } | null {
  let best: { phrase: Phrase<T>; length: number } | null = null
  for (const phrase of index.get(tokens[i].w) ?? []) {
    if (work) work.steps++
    const length = matchLength(tokens, politeTail, i, phrase.slots)
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
  | { kind: "ambiguous" | "help" | "mention"; keyword: string }
  | { kind: "keep" | "none" }

function classifySegment(tokens: Token[], mixedCase: boolean, work?: Work): SegmentVerdict {
  const core = tokens.filter((t) => !FILLERS.has(t.w)).map((t) => t.w)
  const coreText = core.join(" ")
  const standalone = STANDALONE_STOP[coreText]
  if (standalone) return { kind: "stop", scope: standalone, keyword: coreText }
  if (HELP_MESSAGES.has(coreText)) return { kind: "help", keyword: coreText }
  if (REFUSALS.has(coreText) || REFUSALS.has(tokens.map((t) => t.w).join(" "))) return { kind: "keep" }

  const politeTail = new Array<boolean>(tokens.length + 1).fill(true)
  for (let i = tokens.length - 1; i >= 0; i--) politeTail[i] = politeTail[i + 1] && FILLERS.has(tokens[i].w)
  const used = new Array<boolean>(tokens.length).fill(false)
  const mark = (i: number, length: number) => {
    for (let k = i; k < i + length; k++) used[k] = true
  }
  // the strongest opt-out seen in the segment ("all" beats "marketing"), and the other signals
  const found: { stop: { scope: "marketing" | "all"; keyword: string } | null } = { stop: null }
  let keep = false
  let ambiguous: string | null = null
  let mention: string | null = null
  const stopFound = (scope: "marketing" | "all", keyword: string) => {
    if (!found.stop || (scope === "all" && found.stop.scope !== "all")) found.stop = { scope, keyword }
  }

  for (let i = 0; i < tokens.length; i++) {
    const benign = matchAt(BENIGN_INDEX, tokens, politeTail, i, work)
    if (benign) mark(i, benign.length)
    const keeping = matchAt(KEEP_INDEX, tokens, politeTail, i, work)
    if (keeping) {
      // "you keep texting me" describes a nuisance: no wish to keep the texts, and with no opt-out word
      // beside it ("STOP you keep sending me promos" opts out) a complaint worth asking back about
      if (COMPLAINT_SUBJECTS.has(tokens[i - 1]?.w ?? "")) ambiguous ??= tokens.slice(i, i + keeping.length).map((t) => t.w).join(" ")
      else keep = true
      mark(i, keeping.length)
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue
    const found = matchAt(STOP_INDEX, tokens, politeTail, i, work)
    if (!found) continue
    const end = i + found.length
    // a phrase overlapping a benign or keep phrase is read as that one ("can you stop the delivery?")
    if (used.slice(i, end).some(Boolean)) continue
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
      const question = matchAt(AMBIGUOUS_INDEX, tokens, politeTail, i, work)
      if (question) ambiguous ??= tokens.slice(i, i + question.length).map((t) => t.w).join(" ")
      continue
    }
    const negation = negationOf(tokens, i, work)
    if (negation === "keep" || (negation === "complain" && optOutWord)) {
      keep = true
    } else if (negation === "complain") {
      ambiguous ??= w
    } else if (!optOutWord && i > 0 && MENTION_VERBS.has(tokens[i - 1].raw)) {
      // "my friend said to text STOP": the keyword quoted, not used
      mention ??= w
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
  if (mention && !keep) return { kind: "mention", keyword: mention }
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

function languageOf(segments: Segment[]): "en" | "fr" | null {
  let fr = 0
  let en = 0
  for (const segment of segments) {
    for (const t of segment.tokens) {
      if (FRENCH_MARKERS.has(t.w)) fr++
      if (ENGLISH_MARKERS.has(t.w)) en++
    }
  }
  return fr > en ? "fr" : en > fr ? "en" : null
}

/**
 * The text's intent from its segments' verdicts. Signals in different segments are weighed here:
 * - an opt-out wins, unless another segment wants the texts kept: then a questioned opt-out ("Stop? No
 *   way, keep them coming!", "Unsubscribe? Never!") is the shopper's own answer to it (none), and an opt-out
 *   said as such is a conflict for a person to read (ambiguous);
 * - a quoted keyword ("my friend said to text STOP") is ambiguous, or none when the text also refuses
 *   (`Why would I text "STOP"? I love these`).
 */
export function parseInboundKeyword(text: string, work?: Work): KeywordIntent {
  const segments = segmentsOf(text)
  const language = languageOf(segments)
  const mixedCase = /[a-z]/.test(text) && /[A-Z]/.test(text)
  let stop: { scope: "marketing" | "all"; keyword: string } | null = null
  let stopOnlyAsked = true
  let ambiguous: string | null = null
  let mention: string | null = null
  let help: string | null = null
  let keep = false
  for (const segment of segments) {
    const verdict = classifySegment(segment.tokens, mixedCase, work)
    if (verdict.kind === "stop") {
      if (!stop || (verdict.scope === "all" && stop.scope !== "all")) stop = { scope: verdict.scope, keyword: verdict.keyword }
      if (!segment.asked) stopOnlyAsked = false
    }
    if (verdict.kind === "ambiguous") ambiguous ??= verdict.keyword
    if (verdict.kind === "mention") mention ??= verdict.keyword
    if (verdict.kind === "help") help ??= verdict.keyword
    if (verdict.kind === "keep") keep = true
  }
  if (stop && keep) return stopOnlyAsked ? { kind: "none" } : { kind: "ambiguous", keyword: stop.keyword, language }
  if (stop) return { kind: "stop", ...stop, language }
  if (ambiguous) return { kind: "ambiguous", keyword: ambiguous, language }
  if (mention) return keep ? { kind: "none" } : { kind: "ambiguous", keyword: mention, language }

  const whole = segments
    .flatMap((segment) => segment.tokens)
    .map((t) => t.w)
    .filter((w) => !GRANT_FILLERS.has(w))
    .join(" ")
  if (START_MESSAGES.has(whole)) return { kind: "start", keyword: whole, language }
  if (CONFIRM_MESSAGES.has(whole)) return { kind: "confirm", keyword: whole, language }
  if (help) return { kind: "help", keyword: help, language }
  if (text.includes(STOP_SIGN_EMOJI) && segments.length === 0) return { kind: "ambiguous", keyword: STOP_SIGN_EMOJI, language }
  return { kind: "none" }
}
