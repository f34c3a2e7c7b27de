import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { LocatedCharacter } from "../../lib/gsm"

/**
 * The SMS text with each character that forces UCS-2 marked, what it would become in GSM-7, and a one-click
 * fix for those that have a GSM-7 look-alike. Renders nothing when the text is all GSM-7.
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
        title={c.replacement === null ? "No GSM-7 equivalent" : `Becomes “${c.replacement}” in GSM-7`}
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
          {characters.length} character{characters.length === 1 ? "" : "s"} outside GSM-7 make this a UCS-2 text
          (70 characters per segment instead of 160).
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
          Fix{fixable.length ? ` (${fixable.length})` : ""}
        </Button>
      </div>
      <Text size="small" className="whitespace-pre-wrap break-words font-mono" data-testid="non-gsm-text">
        {parts}
      </Text>
      {fixable.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Fix replaces{" "}
          {[...new Map(fixable.map((c) => [c.char, c.replacement])).entries()]
            .map(([from, to]) => `“${from}” with “${to}”`)
            .join(", ")}
          .
        </Text>
      )}
      {unfixable.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="non-gsm-unfixable">
          {unfixable.map((c) => `“${c}”`).join(", ")} {unfixable.length === 1 ? "has" : "have"} no GSM-7 equivalent and
          can't be fixed automatically: rewrite {unfixable.length === 1 ? "it" : "them"}, or keep UCS-2.
        </Text>
      )}
    </div>
  )
}
