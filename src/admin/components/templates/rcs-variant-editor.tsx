import { Button, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useT } from "../../lib/i18n"
import { parseRcsJson } from "../../lib/templates"
import { ProblemList } from "../shared/problem-list"
import { RcsCardForm } from "./rcs-card-form"

const NEW_CARD = {
  type: "card",
  card: { title: "{{store_name}}" },
}

const RCS_EXAMPLE = `{
  "type": "card",
  "card": {
    "title": "{{store_name}}",
    "description": "Your message, with the same variables as the SMS text.",
    "media": { "url": "https://example.com/banner.png", "height": "medium" },
    "suggestions": [{ "type": "open_url", "text": "Open the shop", "url": "https://example.com" }]
  }
}`

/**
 * The RCS variant of a template, edited in a form (a rich card: title, description, image, buttons) or, in
 * "Advanced", as its JSON. The JSON text is the one state: the form reads it and writes it back formatted,
 * so both views always show the same variant.
 */
export const RcsVariantEditor = ({ text, onChange }: { text: string; onChange: (text: string) => void }) => {
  const { t } = useT()
  const [view, setView] = useState<"form" | "json">("form")
  const parsed = parseRcsJson(text)
  const payload = parsed.payload as { type?: string } | null
  const write = (value: unknown) => onChange(JSON.stringify(value, null, 2))
  const jsonError = parsed.code
    ? parsed.code === "not_object"
      ? t("templates.editor.rcsNotObject")
      : t("templates.editor.rcsJsonInvalid", { message: parsed.error })
    : null

  const tab = (value: "form" | "json", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === value}
      onClick={() => setView(value)}
      className={`rounded-md px-2 py-1 txt-compact-xsmall-plus ${view === value ? "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest" : "text-ui-fg-subtle hover:text-ui-fg-base"}`}
      data-testid={`template-rcs-view-${value}`}
    >
      {label}
    </button>
  )

  return (
    <div className="flex flex-col gap-y-2" data-testid="template-rcs">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Label size="small" weight="plus" htmlFor={view === "json" ? "template-rcs-payload" : "rcs-form-title"}>
          {t("templates.editor.rcsTitle")}
        </Label>
        <div className="flex items-center gap-x-1 rounded-lg bg-ui-bg-subtle p-0.5" role="tablist">
          {tab("form", t("templates.rcs.form"))}
          {tab("json", t("templates.rcs.advanced"))}
        </div>
      </div>

      {view === "json" ? (
        <>
          <div className="flex justify-end">
            {!text.trim() && (
              <Button size="small" variant="transparent" type="button" onClick={() => onChange(RCS_EXAMPLE)} data-testid="template-rcs-example">
                {t("templates.editor.rcsExample")}
              </Button>
            )}
          </div>
          <Textarea
            id="template-rcs-payload"
            rows={10}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            placeholder='{ "type": "card", "card": { "title": "…", "description": "…" } }'
            className="font-mono text-xs"
            data-testid="template-editor-rcs"
          />
        </>
      ) : jsonError ? (
        <Text size="small" className="text-ui-fg-error" data-testid="template-rcs-form-unavailable">
          {t("templates.rcs.invalidJson")}
        </Text>
      ) : !payload ? (
        <div>
          <Button size="small" variant="secondary" type="button" onClick={() => write(NEW_CARD)} data-testid="template-rcs-add">
            {t("templates.rcs.add")}
          </Button>
        </div>
      ) : payload.type !== "card" ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="template-rcs-form-unavailable">
          {t("templates.rcs.carousel")}
        </Text>
      ) : (
        <RcsCardForm payload={payload} onChange={write} />
      )}

      {payload && (
        <div>
          <Button size="small" variant="transparent" type="button" onClick={() => onChange("")} data-testid="template-rcs-remove">
            {t("templates.rcs.remove")}
          </Button>
        </div>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="template-rcs-fallback">
        {t("templates.editor.rcsFallback")}
      </Text>
      {jsonError && <ProblemList problems={[{ path: "rcs_payload", message: jsonError }]} testId="template-rcs-json-error" />}
    </div>
  )
}
