/**
 * Every marketing SMS must say how to stop. A template that already names the STOP keyword is left as it
 * is; otherwise the store's mention for the locale (its language, then English) is appended, before the
 * segments are counted, so the cost shown is the cost paid. What is checked is the text as the store wrote
 * it (`written`, before variables are filled in): a shopper named "Stop" must not remove the mention.
 */
export function withOptOutMention(body: string, written: string, locale: string, mentions: Record<string, string>): string {
  if (/\bSTOP\b/i.test(written)) {
    return body
  }
  const language = locale.toLowerCase().split(/[-_]/)[0]
  const mention = mentions[locale] ?? mentions[language] ?? mentions.en
  return mention ? `${body}\n${mention}` : body
}
