import Mustache from "mustache"
import { capVariables, DEFAULT_MAX_VARIABLE_LENGTH } from "./cap-variables"

export type TemplateVariables = Record<string, unknown>

/**
 * Mustache keeps every template it parsed. Stored templates are few, but the editor's preview parses a
 * new draft at each keystroke: a bounded cache keeps the speed without growing for ever.
 */
const MAX_CACHED_TEMPLATES = 500
const cache = new Map<string, unknown>()
Mustache.templateCache = {
  set(key: string, value: unknown) {
    if (cache.size >= MAX_CACHED_TEMPLATES) {
      cache.delete(cache.keys().next().value as string)
    }
    cache.set(key, value)
  },
  get: (key: string) => cache.get(key),
  clear: () => cache.clear(),
} as unknown as typeof Mustache.templateCache

export type RenderOptions = {
  /** Longest value a variable may have (characters); longer ones are cut first. See `capVariables`. */
  maxVariableLength?: number
}

/**
 * Renders a logic-less Mustache template. SMS is plain text, so nothing is HTML-escaped, and nothing
 * in a template can run code: Mustache only looks values up. Values are capped first (a shopper's
 * 100 KB first name becomes 200 characters), and every step after is one pass over the text.
 */
export function renderTemplate(template: string, variables: TemplateVariables, options: RenderOptions = {}): string {
  const capped = capVariables(variables, options.maxVariableLength ?? DEFAULT_MAX_VARIABLE_LENGTH)
  return trimLineEnds(Mustache.render(template, capped, undefined, { escape: (value: unknown) => String(value) })).trim()
}

/**
 * The text without the spaces and tabs that end its lines (a variable left empty at the end of a line).
 * A loop rather than `/[ \t]+\n/g`: that regex restarts at each space of a long run with no newline
 * after it, which is quadratic (seconds for a 100 KB name made of spaces).
 */
export function trimLineEnds(text: string): string {
  let out = ""
  let lineStart = 0
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    let end = lineEnd
    if (newline !== -1) {
      while (end > lineStart && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
    }
    out += text.slice(lineStart, end)
    if (newline === -1) break
    out += "\n"
    lineStart = newline + 1
  }
  return out
}

/** The names a template refers to (`{{name}}`, `{{{name}}}`, `{{#name}}…{{/name}}`), for validation. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>()
  const walk = (tokens: unknown[]) => {
    for (const token of tokens as [string, string, number, number, unknown[]?][]) {
      const [type, value, , , children] = token
      if (type === "name" || type === "&" || type === "#" || type === "^") {
        names.add(value)
      }
      if (Array.isArray(children)) {
        walk(children)
      }
    }
  }
  walk(Mustache.parse(template))
  return [...names]
}
