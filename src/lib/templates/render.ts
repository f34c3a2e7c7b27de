import Mustache from "mustache"

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

/**
 * Renders a logic-less Mustache template. SMS is plain text, so nothing is HTML-escaped, and nothing
 * in a template can run code: Mustache only looks values up.
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  return Mustache.render(template, variables, undefined, { escape: (value: unknown) => String(value) })
    .replace(/[ \t]+\n/g, "\n")
    .trim()
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
