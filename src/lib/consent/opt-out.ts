/**
 * Every marketing SMS must say how to stop. A template that already names the STOP keyword is left as it
 * is; otherwise the store's mention for the locale (its language, then English) is appended, before the
 * segments are counted, so the cost shown is the cost paid.
 */
export function withOptOutMention(body: string, locale: string, mentions: Record<string, string>): string {
  if (/\bSTOP\b/i.test(body)) {
    return body
  }
  const language = locale.toLowerCase().split(/[-_]/)[0]
  const mention = mentions[locale] ?? mentions[language] ?? mentions.en
  return mention ? `${body}\n${mention}` : body
}
