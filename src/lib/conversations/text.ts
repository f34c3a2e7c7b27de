/** How much of a text the answering rules read: a question is short; a 100 KB body is not read further. */
export const READ_CHARS = 1_000

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

/** Whether the normalised text holds the normalised phrase as whole words. */
export function hasPhrase(normalized: string, phrase: string): boolean {
  const p = normalizeText(phrase)
  return p !== "" && ` ${normalized} `.includes(` ${p} `)
}
