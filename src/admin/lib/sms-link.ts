/** The text an `sms:` link writes (`sms:+33…?body=JOIN` → JOIN), or null. */
export function linkKeyword(link: string): string | null {
  const at = link.indexOf("body=")
  if (at < 0) return null
  const end = link.indexOf("&", at)
  try {
    return decodeURIComponent(link.slice(at + 5, end < 0 ? undefined : end).replace(/\+/g, " ")) || null
  } catch {
    return null
  }
}
