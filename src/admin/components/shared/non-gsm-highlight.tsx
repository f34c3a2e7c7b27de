import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { LocatedCharacter } from "../../lib/gsm"
import { useT } from "../../lib/i18n"

/**
 * The SMS text with each character that forces UCS-2 marked, what it would become in GSM-7, and a one-click
 * fix for those that have a GSM-7 look-alike (the editor asks before applying it). Renders nothing when the text is all GSM-7.
 */
export const NonGsmHighlight = ({
  text,
  characters,
  onFix,
  disabled,
}: {
  text: string
  characters: LocatedCharacter[]
  onFix: () => void
  disabled?: boolean
}) => {
  const { t } = useT()
  if (!characters.length) return null

  const parts: ReactNode[] = []
  let at = 0
  characters.forEach((c, i) => {
    if (c.start > at) parts.push(text.slice(at, c.start))
    parts.push(
      <mark
        key={i}
        data-testid="non-gsm-char"
        data-replacement={c.replacement ?? ""}
        title={c.replacement === null ? t("templates.gsm.noEquivalent") : t("templates.gsm.becomes", { to: c.replacement })}
        className={`rounded-sm px-px ${c.replacement === null ? "bg-ui-tag-red-bg text-ui-tag-red-text" : "bg-ui-tag-orange-bg text-ui-tag-orange-text"}`}
      >
        {c.char}
      </mark>
    )
    at = c.end
  })
  if (at < text.length) parts.push(text.slice(at))

  const fixable = characters.filter((c) => c.replacement !== null)
  const unfixable = [...new Set(characters.filter((c) => c.replacement === null).map((c) => c.char))]

  return (
    <div className="flex flex-col gap-y-2 rounded-md border border-ui-tag-orange-border p-3" data-testid="non-gsm">
      <div className="flex items-start justify-between gap-x-2">
        <Text size="small" className="text-ui-fg-subtle">
          {t("templates.gsm.summary", { count: characters.length })}
        </Text>
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={onFix}
          disabled={disabled || fixable.length === 0}
          className="shrink-0 whitespace-nowrap"
          data-testid="non-gsm-fix"
        >
          {fixable.length ? t("templates.gsm.fixCount", { count: fixable.length }) : t("templates.gsm.fix")}
        </Button>
      </div>
      <Text size="small" className="whitespace-pre-wrap break-words font-mono" data-testid="non-gsm-text">
        {parts}
      </Text>
      {fixable.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("templates.gsm.fixReplaces", {
            list: [...new Map(fixable.map((c) => [c.char, c.replacement])).entries()].map(([from, to]) => `${from} → ${to}`).join(", "),
          })}
        </Text>
      )}
      {unfixable.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="non-gsm-unfixable">
          {t("templates.gsm.unfixable", { list: unfixable.map((c) => `“${c}”`).join(", ") })}
        </Text>
      )}
    </div>
  )
}
