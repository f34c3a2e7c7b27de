/** How much of a text the answering rules read: a question is short; a 100 KB body is not read further. */
export const READ_CHARS = 1_000

/**
 * The text's first `max` UTF-16 units, never half of an emoji: a lone surrogate is no valid JSON for
 * PostgreSQL (a jsonb column refuses it), so a cut text stored in one must end on a whole character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  const code = text.charCodeAt(max - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)
}

/**
 * A text as the rules compare it: lower case, accents removed ("où" → "ou"), every run of anything but
 * letters and digits one space, trimmed. One pass over at most READ_CHARS characters.
 */
export function normalizeText(text: string): string {
  return text
    .slice(0, READ_CHARS)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

/** One word as the shopper may write it: the same, or in its plural ("card" / "cards", "colis", "bijou" / "bijoux"). */
const sameWord = (written: string, wanted: string) =>
  written === wanted || (written.length === wanted.length + 1 && written.startsWith(wanted) && (written.endsWith("s") || written.endsWith("x"))) ||
  (wanted.length === written.length + 1 && wanted.startsWith(written) && (wanted.endsWith("s") || wanted.endsWith("x")))

/**
 * Whether the normalised text holds the phrase as whole words in a row, each word also matching its
 * plural ("gift card" in "do you sell gift cards"). Words of the text × words of the phrase: linear in
 * the text (cut to READ_CHARS) for a phrase of a few words.
 */
export function hasPhrase(normalized: string, phrase: string): boolean {
  const wanted = normalizeText(phrase).split(" ").filter(Boolean)
  if (!wanted.length || !normalized) return false
  const words = normalized.split(" ")
  for (let start = 0; start + wanted.length <= words.length; start++) {
    let i = 0
    while (i < wanted.length && sameWord(words[start + i], wanted[i])) i++
    if (i === wanted.length) return true
  }
  return false
}
