/**
 * Where a Mustache syntax error really is. Mustache reports an unclosed section at the END of the text
 * (`Unclosed section "x" at 57`, the position where it gave up), which tells the owner nothing: the mistake
 * is the opening `{{#x}}` with no `{{/x}}`. This finds the opening tag, and the line and column the editor
 * shows and selects.
 */

export type SyntaxErrorCode = "unclosed_section" | "unopened_section" | "unclosed_tag" | "other"

export type TemplateSyntaxError = {
  code: SyntaxErrorCode
  /** The section's name, for the section errors. */
  name: string | null
  /** Where the faulty tag starts and ends (UTF-16 offsets into the text, as `setSelectionRange` takes). */
  start: number
  end: number
  /** 1-based, for people. */
  line: number
  column: number
  message: string
}

type Tag = { type: string; name: string; start: number; end: number }

const OPEN = "{{"
const CLOSE = "}}"

/**
 * The tags of a template written with the default delimiters, in one pass (each `indexOf` starts where
 * the previous one stopped). Stops at a tag with no end (returned as `unclosed`), and gives up (null) on
 * a delimiter change `{{=<% %>=}}`, which this scanner does not follow.
 */
function scanTags(text: string): { tags: Tag[]; unclosed: number | null } | null {
  const tags: Tag[] = []
  let at = 0
  for (;;) {
    const start = text.indexOf(OPEN, at)
    if (start === -1) return { tags, unclosed: null }
    let inner = start + OPEN.length
    const triple = text[inner] === "{"
    const closing = triple ? "}" + CLOSE : CLOSE
    const endOfValue = text.indexOf(closing, inner)
    if (endOfValue === -1) return { tags, unclosed: start }
    const end = endOfValue + closing.length
    let type = "name"
    const first = text[inner]
    if (first === "#" || first === "^" || first === "/" || first === "!" || first === ">" || first === "&" || first === "{" || first === "=") {
      type = first
      inner++
    }
    if (type === "=") return null
    tags.push({ type, name: text.slice(inner, endOfValue).trim(), start, end })
    at = end
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Explains the error Mustache threw for `text`: the tag at fault (the opening tag of an unclosed section,
 * the closing tag of one never opened, the start of a tag never ended), with its line and column.
 */
export function locateSyntaxError(text: string, error: Error): TemplateSyntaxError {
  const reported = /at (\d+)\s*$/.exec(error.message)
  const reportedAt = reported ? Math.min(Number(reported[1]), text.length) : text.length
  const named = /section "([^"]*)"/.exec(error.message)
  const name = named ? named[1] : null
  const code: SyntaxErrorCode = error.message.startsWith("Unclosed section")
    ? "unclosed_section"
    : error.message.startsWith("Unopened section")
      ? "unopened_section"
      : error.message.startsWith("Unclosed tag")
        ? "unclosed_tag"
        : "other"

  let start = reportedAt
  let end = reportedAt
  const scanned = scanTags(text)
  if (scanned) {
    if (code === "unclosed_tag" && scanned.unclosed !== null) {
      start = scanned.unclosed
      end = text.length
    } else if (code === "unclosed_section") {
      // replay the nesting up to where Mustache stopped: the section still open there is the one it names
      const open: Tag[] = []
      for (const tag of scanned.tags) {
        // a mismatched `{{/y}}` is reported at its own start: the section open before it is the culprit
        if (tag.start >= reportedAt) break
        if (tag.type === "#" || tag.type === "^") open.push(tag)
        else if (tag.type === "/") open.pop()
      }
      const opening = open[open.length - 1]
      if (opening && opening.name === name) {
        start = opening.start
        end = opening.end
      }
    } else if (code === "unopened_section") {
      const closing = scanned.tags.find((t) => t.start === reportedAt)
      if (closing) end = closing.end
    }
  }

  const { line, column } = lineAndColumn(text, start)
  const where = `line ${line}, column ${column}`
  const message =
    code === "unclosed_section"
      ? `Unclosed section "${name}" opened at ${where}: add {{/${name}}} where it ends`
      : code === "unopened_section"
        ? `Unopened section "${name}" at ${where}: {{/${name}}} closes a section that was never opened with {{#${name}}}`
        : code === "unclosed_tag"
          ? `Unclosed tag at ${where}: a "{{" has no "}}"`
          : `${error.message.replace(/ at \d+\s*$/, "")} at ${where}`
  return { code, name, start, end, line, column, message }
}
