import Mustache from "mustache"

export type TemplateVariables = Record<string, unknown>

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
