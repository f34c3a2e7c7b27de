import { MAX_SMS_CHARACTERS } from "../sms-encoding"

/** Longest value a template variable may have by default (`templates.maxVariableLength`). */
export const DEFAULT_MAX_VARIABLE_LENGTH = 200

/**
 * Variables whose value is a link the plugin itself fills in (the storefront, the carrier's tracking
 * page, the cart's recovery link, the review page, the suggested products' list of links, each title already
 * cut to 60 characters): cutting one would send a broken link, so they may be as long as a
 * whole text, never longer.
 */
export const LINK_VARIABLES: ReadonlySet<string> = new Set(["storefront_url", "cart_recovery_url", "tracking_url", "review_url", "recommendations"])

/** Deeper values are dropped: Mustache sections rarely go past `items.title`, and nothing escapes the cap. */
const MAX_DEPTH = 8

/**
 * Every string of the variables cut to `max` characters (code points: an emoji is never split), in
 * lists and objects too (`items[].title`). Names, addresses and titles come from shoppers and
 * integrations: a 100 KB first name must not become a 100 KB text. Other values are left as they are.
 */
export function capVariables(variables: Record<string, unknown>, max: number = DEFAULT_MAX_VARIABLE_LENGTH): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(variables)) {
    out[name] = capValue(value, LINK_VARIABLES.has(name) ? Math.max(max, MAX_SMS_CHARACTERS) : max, 0)
  }
  return out
}

function capValue(value: unknown, max: number, depth: number): unknown {
  if (typeof value === "string") return capString(value, max)
  if (value === null || typeof value !== "object") return value
  if (depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) return value.map((item) => capValue(item, max, depth + 1))
  if (value instanceof Date) return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) out[key] = capValue(inner, max, depth + 1)
  return out
}

/** The first `max` code points of the text; one pass that stops at `max`. */
export function capString(text: string, max: number): string {
  if (text.length <= max) return text
  let end = 0
  for (let count = 0; count < max && end < text.length; count++) {
    const unit = text.charCodeAt(end)
    const pair = unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00
    end += pair ? 2 : 1
  }
  return text.slice(0, end)
}
