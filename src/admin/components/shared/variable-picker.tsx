import { Text } from "@medusajs/ui"
import type { RefObject } from "react"

/**
 * Inserts `{{name}}` into a text box's value at its cursor (replacing a selection), then puts the cursor
 * after it. Returns the new value: the caller sets it, as a controlled textarea needs.
 */
export function insertVariableAt(ref: RefObject<HTMLTextAreaElement | null>, value: string, name: string): string {
  const el = ref.current
  const token = `{{${name}}}`
  const start = el?.selectionStart ?? value.length
  const end = el?.selectionEnd ?? value.length
  requestAnimationFrame(() => {
    el?.focus()
    el?.setSelectionRange(start + token.length, start + token.length)
  })
  return value.slice(0, start) + token + value.slice(end)
}

/**
 * The row of variables under a text box: one button per name, which inserts `{{name}}` at the cursor.
 * Shared by the template editor and the campaign builder, which read their lists from one catalogue
 * (src/lib/templates/catalog.ts).
 */
export const VariablePicker = ({
  label,
  variables,
  onInsert,
  titleOf,
  testId = "variable-picker",
}: {
  label: string
  variables: readonly string[]
  onInsert: (name: string) => void
  /** A human name for each variable, shown as its tooltip. */
  titleOf?: (name: string) => string
  testId?: string
}) => (
  <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    {variables.map((v) => (
      <button
        key={v}
        type="button"
        title={titleOf?.(v)}
        // keeps the text box's selection: the variable goes where the cursor was
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onInsert(v)}
        data-testid={`${testId}-${v}`}
        className="rounded-md border border-ui-border-base bg-ui-bg-subtle px-1.5 py-0.5 font-mono text-xs text-ui-fg-subtle hover:bg-ui-bg-subtle-hover"
      >
        {`{{${v}}}`}
      </button>
    ))}
  </div>
)
