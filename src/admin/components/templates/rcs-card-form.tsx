import { Button, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useT } from "../../lib/i18n"

/**
 * Google RBM's limits, the strictest of the gateways (the server checks the same ones in
 * `src/lib/rcs/payload.ts`, which the admin bundle does not import: it pulls zod's server build).
 */
export const RCS_FORM_LIMITS = { title: 200, description: 2_000, label: 25, buttons: 4, postback: 2_048 } as const

const URL_OR_VARIABLE = /^(https?:\/\/\S+|\{\{\{?\s*[\w.]+\s*\}?\}\}\S*)$/

type Suggestion = { type?: string; text?: string; url?: string; postback_data?: string; [key: string]: unknown }
type Card = {
  title?: string
  description?: string
  media?: { url?: string; height?: string; [key: string]: unknown }
  suggestions?: Suggestion[]
  [key: string]: unknown
}
type Payload = { type?: string; card?: Card; suggestions?: unknown[]; [key: string]: unknown }

/** What is wrong with one field of the form, for the owner (null when it is fine). */
export type FieldIssue = { key: string; values?: Record<string, unknown> } | null

const lengthIssue = (value: string | undefined, max: number, required = false): FieldIssue => {
  if (!value?.trim()) return required ? { key: "templates.rcs.required" } : null
  return value.length > max ? { key: "templates.rcs.tooLong", values: { max, length: value.length } } : null
}
const urlIssue = (value: string | undefined): FieldIssue => {
  if (!value?.trim()) return { key: "templates.rcs.required" }
  return URL_OR_VARIABLE.test(value.trim()) ? null : { key: "templates.rcs.badUrl", values: { example: "{{{tracking_url}}}" } }
}

/** Every problem of the card as the form shows it, by field (`title`, `buttons.0.text` …). */
export function cardIssues(card: Card): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {
    title: lengthIssue(card.title, RCS_FORM_LIMITS.title),
    description: lengthIssue(card.description, RCS_FORM_LIMITS.description),
    image: card.media ? urlIssue(card.media.url) : null,
    card: card.title?.trim() || card.description?.trim() || card.media ? null : { key: "templates.rcs.needsContent" },
  }
  ;(card.suggestions ?? []).forEach((s, i) => {
    if (s.type !== "open_url" && s.type !== "reply") return
    issues[`buttons.${i}.text`] = lengthIssue(s.text, RCS_FORM_LIMITS.label, true)
    issues[`buttons.${i}.target`] =
      s.type === "open_url" ? urlIssue(s.url) : lengthIssue(s.postback_data, RCS_FORM_LIMITS.postback, true)
  })
  return issues
}

/** Sets a text field, removing it when empty (the schema refuses an empty title or description). */
const withText = <T extends Record<string, unknown>>(object: T, key: string, value: string): T => {
  const next: Record<string, unknown> = { ...object }
  if (value === "") delete next[key]
  else next[key] = value
  return next as T
}

const slug = (label: string) =>
  label
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64) || "reply"

const Issue = ({ issue, testId }: { issue: FieldIssue; testId: string }) => {
  const { t } = useT()
  if (!issue) return null
  return (
    <Text size="xsmall" className="text-ui-fg-error" data-testid={testId}>
      {t(issue.key, issue.values)}
    </Text>
  )
}

/**
 * The RCS rich card as a form: title, description, image and up to four buttons (open a link or a suggested
 * reply). It edits the payload object and hands back a new one, so whatever the form does not show (chips
 * under the card, a dial button, an image's alt text) is kept as it was in the JSON.
 */
export const RcsCardForm = ({ payload, onChange }: { payload: Payload; onChange: (payload: Payload) => void }) => {
  const { t } = useT()
  const card: Card = payload.card ?? {}
  const suggestions = card.suggestions ?? []
  const issues = cardIssues(card)
  const setCard = (next: Card) => onChange({ ...payload, type: "card", card: next })
  const setSuggestion = (i: number, next: Suggestion) =>
    setCard({ ...card, suggestions: suggestions.map((s, j) => (j === i ? next : s)) })
  const chips = Array.isArray(payload.suggestions) ? payload.suggestions.length : 0
  // a reply carries data back to the store (made from its label); a link its URL
  const setKind = (i: number, s: Suggestion, kind: "open_url" | "reply") => {
    const { url: _url, postback_data: postback, ...rest } = s
    setSuggestion(
      i,
      kind === "reply"
        ? { ...rest, type: kind, postback_data: slug(s.text ?? "") }
        : { ...rest, type: kind, url: "", ...(postback ? { postback_data: postback } : {}) }
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="rcs-form">
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" weight="plus" htmlFor="rcs-form-title">
          {t("templates.rcs.title")}
        </Label>
        <Input
          id="rcs-form-title"
          size="small"
          value={card.title ?? ""}
          onChange={(e) => setCard(withText(card, "title", e.target.value))}
          aria-invalid={!!issues.title}
          data-testid="rcs-form-title"
        />
        <Issue issue={issues.title} testId="rcs-form-title-error" />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" weight="plus" htmlFor="rcs-form-description">
          {t("templates.rcs.description")}
        </Label>
        <Textarea
          id="rcs-form-description"
          rows={3}
          value={card.description ?? ""}
          onChange={(e) => setCard(withText(card, "description", e.target.value))}
          aria-invalid={!!issues.description}
          data-testid="rcs-form-description"
        />
        <Issue issue={issues.description} testId="rcs-form-description-error" />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="rcs-form-image">
            {t("templates.rcs.imageUrl")}
          </Label>
          <Input
            id="rcs-form-image"
            size="small"
            placeholder="https://…"
            value={card.media?.url ?? ""}
            onChange={(e) => {
              const url = e.target.value
              if (url === "") {
                const { media: _dropped, ...rest } = card
                setCard(rest)
              } else setCard({ ...card, media: { height: "medium", ...card.media, url } })
            }}
            aria-invalid={!!issues.image}
            data-testid="rcs-form-image"
          />
        </div>
        {card.media && (
          <div style={{ width: 128 }}>
            <Select
              size="small"
              value={card.media.height ?? "medium"}
              onValueChange={(height) => setCard({ ...card, media: { ...card.media, height } })}
            >
              <Select.Trigger aria-label={t("templates.rcs.imageHeight")} data-testid="rcs-form-image-height">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="short">{t("templates.rcs.short")}</Select.Item>
                <Select.Item value="medium">{t("templates.rcs.medium")}</Select.Item>
                <Select.Item value="tall">{t("templates.rcs.tall")}</Select.Item>
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      <Issue issue={issues.image} testId="rcs-form-image-error" />
      <Issue issue={issues.card} testId="rcs-form-card-error" />

      <div className="flex flex-col gap-y-2">
        <Text size="xsmall" weight="plus">
          {t("templates.rcs.buttons")}
        </Text>
        {suggestions.map((s, i) =>
          s.type === "open_url" || s.type === "reply" ? (
            <div key={i} className="flex flex-col gap-y-1 rounded-md border border-ui-border-base p-2" data-testid="rcs-form-button">
              <div className="flex flex-wrap items-end gap-2">
                <div className="flex flex-col gap-y-1" style={{ width: 170 }}>
                  <Label size="xsmall" htmlFor={`rcs-form-button-${i}-text`}>
                    {t("templates.rcs.buttonLabel")}
                  </Label>
                  <Input
                    id={`rcs-form-button-${i}-text`}
                    size="small"
                    value={s.text ?? ""}
                    onChange={(e) => setSuggestion(i, { ...s, text: e.target.value })}
                    aria-invalid={!!issues[`buttons.${i}.text`]}
                    data-testid="rcs-form-button-text"
                  />
                </div>
                <div className="flex flex-col gap-y-1">
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("templates.rcs.buttonKind")}
                  </Text>
                  {/* two choices: both in view, one click (a listbox would hide one of them) */}
                  <div
                    className="flex items-center gap-x-0.5 rounded-md bg-ui-bg-subtle p-0.5"
                    role="radiogroup"
                    aria-label={t("templates.rcs.buttonKind")}
                    data-testid="rcs-form-button-kind"
                  >
                    {(["open_url", "reply"] as const).map((kind) => (
                      <button
                        key={kind}
                        type="button"
                        role="radio"
                        aria-checked={s.type === kind}
                        onClick={() => s.type !== kind && setKind(i, s, kind)}
                        className={`rounded px-2 py-1 txt-compact-xsmall-plus ${s.type === kind ? "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest" : "text-ui-fg-subtle hover:text-ui-fg-base"}`}
                        data-testid={`rcs-form-button-kind-${kind}`}
                      >
                        {kind === "open_url" ? t("templates.rcs.openUrl") : t("templates.rcs.reply")}
                      </button>
                    ))}
                  </div>
                </div>
                {/* a URL needs room: it goes to its own line rather than shrink to a few characters */}
                <div className="flex min-w-0 flex-1 flex-col gap-y-1" style={{ minWidth: 240 }}>
                  <Label size="xsmall" htmlFor={`rcs-form-button-${i}-target`}>
                    {s.type === "open_url" ? t("templates.rcs.url") : t("templates.rcs.postback")}
                  </Label>
                  <Input
                    id={`rcs-form-button-${i}-target`}
                    size="small"
                    value={(s.type === "open_url" ? s.url : s.postback_data) ?? ""}
                    onChange={(e) =>
                      setSuggestion(i, s.type === "open_url" ? { ...s, url: e.target.value } : { ...s, postback_data: e.target.value })
                    }
                    aria-invalid={!!issues[`buttons.${i}.target`]}
                    data-testid="rcs-form-button-target"
                  />
                </div>
                <Button
                  size="small"
                  variant="transparent"
                  type="button"
                  onClick={() => setCard({ ...card, suggestions: suggestions.filter((_, j) => j !== i) })}
                  data-testid="rcs-form-button-remove"
                >
                  {t("templates.rcs.removeButton")}
                </Button>
              </div>
              <Issue issue={issues[`buttons.${i}.text`]} testId="rcs-form-button-text-error" />
              <Issue issue={issues[`buttons.${i}.target`]} testId="rcs-form-button-target-error" />
            </div>
          ) : (
            <Text key={i} size="xsmall" className="text-ui-fg-subtle" data-testid="rcs-form-button-other">
              {t("templates.rcs.otherButton", { type: s.type ?? "?" })}
            </Text>
          )
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="small"
            variant="secondary"
            type="button"
            disabled={suggestions.length >= RCS_FORM_LIMITS.buttons}
            onClick={() => setCard({ ...card, suggestions: [...suggestions, { type: "open_url", text: "", url: "" }] })}
            data-testid="rcs-form-add-button"
          >
            {t("templates.rcs.addButton")}
          </Button>
          {suggestions.length >= RCS_FORM_LIMITS.buttons && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="rcs-form-max-buttons">
              {t("templates.rcs.maxButtons", { max: RCS_FORM_LIMITS.buttons })}
            </Text>
          )}
        </div>
        {chips > 0 && (
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="rcs-form-chips">
            {t("templates.rcs.extraChips", { count: chips })}
          </Text>
        )}
      </div>
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("templates.rcs.limits", {
          title: RCS_FORM_LIMITS.title,
          description: RCS_FORM_LIMITS.description,
          label: RCS_FORM_LIMITS.label,
          buttons: RCS_FORM_LIMITS.buttons,
        })}
      </Text>
    </div>
  )
}
