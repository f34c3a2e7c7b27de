import { Button, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import type { SyntaxErrorAt, TemplateProblem } from "../../lib/templates"

/** The line of `text` holding the faulty tag, with the tag marked: the owner sees it without hunting. */
const Excerpt = ({ text, at }: { text: string; at: SyntaxErrorAt }) => {
  const lineStart = at.start === 0 ? 0 : text.lastIndexOf("\n", at.start - 1) + 1
  const newline = text.indexOf("\n", at.end)
  const lineEnd = newline === -1 ? text.length : newline
  // long lines are cut around the tag
  const from = Math.max(lineStart, at.start - 40)
  const to = Math.min(lineEnd, Math.max(at.end, at.start) + 40)
  return (
    <Text size="xsmall" className="whitespace-pre-wrap break-all font-mono text-ui-fg-subtle" data-testid="syntax-error-excerpt">
      {from > lineStart ? "…" : ""}
      {text.slice(from, at.start)}
      <mark className="rounded-sm bg-ui-tag-red-bg px-px text-ui-tag-red-text" data-testid="syntax-error-tag">
        {text.slice(at.start, Math.max(at.end, at.start + 1))}
      </mark>
      {text.slice(Math.max(at.end, at.start + 1), to)}
      {to < lineEnd ? "…" : ""}
    </Text>
  )
}

/**
 * The problems of the draft, each once. A syntax error of the SMS text names the line and column of the tag
 * at fault (the opening `{{#x}}` of a section never closed, not the end of the text), shows that line with
 * the tag marked, and "Show in the text" selects it in the editor.
 */
export const TemplateProblems = ({
  problems,
  smsBody,
  onSelect,
}: {
  problems: TemplateProblem[]
  smsBody: string
  onSelect: (start: number, end: number) => void
}) => {
  const { t } = useT()
  if (!problems.length) return null
  const describe = (p: TemplateProblem) => {
    if (!p.at) return p.message
    const values = {
      name: p.at.name ?? "",
      line: p.at.line,
      column: p.at.column,
      open: `{{#${p.at.name ?? ""}}}`,
      close: `{{/${p.at.name ?? ""}}}`,
      message: p.message.replace(/^syntax error: /, ""),
    }
    return t(`templates.syntax.${p.at.code}`, values)
  }
  return (
    <div
      className="flex flex-col gap-y-2 rounded-md border border-ui-tag-orange-border bg-ui-tag-orange-bg p-3"
      role="status"
      data-testid="preview-problems"
    >
      <Text size="small" weight="plus" className="text-ui-tag-orange-text">
        {t("templates.editor.problems")}
      </Text>
      <ul className="flex flex-col gap-y-2">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`} className="flex flex-col gap-y-1" data-testid="preview-problems-item" data-code={p.at?.code ?? ""}>
            <Text size="small" className="text-ui-tag-orange-text">
              {p.path && !p.at && <code className="font-mono text-xs">{p.path}: </code>}
              {describe(p)}
            </Text>
            {p.at && p.path === "sms_body" && (
              <div className="flex flex-wrap items-center gap-2">
                <Excerpt text={smsBody} at={p.at} />
                <Button
                  size="small"
                  variant="transparent"
                  type="button"
                  onClick={() => onSelect(p.at!.start, p.at!.end)}
                  data-testid="syntax-error-show"
                >
                  {t("templates.editor.showInText")}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
