import { Button, Container, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useMemo, useRef } from "react"
import { CAMPAIGN_VARIABLE_ALIASES, CAMPAIGN_VARIABLES } from "../../../lib/templates/catalog"
import type { CampaignVariant } from "../../lib/campaigns"
import { useT } from "../../lib/i18n"
import { useTemplatePreview } from "../../lib/templates"
import { PhonePreview } from "../shared/phone-preview"
import { SmsMeter } from "../shared/sms-meter"
import { insertVariableAt, VariablePicker } from "../shared/variable-picker"

const KNOWN = new Set<string>([...CAMPAIGN_VARIABLES, ...Object.keys(CAMPAIGN_VARIABLE_ALIASES)])
// {{name}}, {{{name}}}, {{&name}}, {{#name}}, {{^name}}, {{/name}}: classes that never overlap, so each
// attempt stops at the first character that does not fit (linear in the text)
const TAG = /\{\{\{?[\s&#^/]*([\w.]+)\s*\}?\}\}/g

/** The variables a text names that campaigns do not fill in, as the owner types (the API refuses them at save). */
export function unknownVariablesOf(text: string): string[] {
  const unknown = new Set<string>()
  for (const match of text.matchAll(TAG)) {
    const name = match[1]
    if (!KNOWN.has(name.split(".")[0])) unknown.add(name)
  }
  return [...unknown]
}

/**
 * One variant of the campaign: its name, its share and its text, with the variable picker, the phone
 * preview and the segment/cost meter of the template editor (rendered for a sample recipient, tracked
 * link included). `problems` are the save's, already in the owner's language, shown under the text.
 */
export const CampaignVariantCard = ({
  variant,
  index,
  weightLabel,
  problems: saveProblems = [],
  onChange,
  onRemove,
}: {
  variant: CampaignVariant
  index: number
  weightLabel: string
  problems?: string[]
  onChange: (variant: CampaignVariant) => void
  onRemove?: () => void
}) => {
  const { t } = useT()
  const textRef = useRef<HTMLTextAreaElement>(null)
  const draft = variant.sms_body ? { sms_body: variant.sms_body } : null
  const { preview, loading, problems } = useTemplatePreview(draft, 300, "/admin/messaging/campaigns/preview")
  const testId = `variant-${index}`
  const body = variant.sms_body ?? ""
  const unknown = useMemo(() => unknownVariablesOf(body), [body])
  const id = variant.id.toUpperCase()
  const live = unknown.map((name) =>
    t("campaigns.problems.variantUnknownVariable", { id, name: `{{${name}}}`, interpolation: { escapeValue: false } })
  )
  // said above in the owner's words: the preview's English refusal of the same thing would repeat it
  const previewProblems = problems.map((p) => p.message).filter((m) => !(unknown.length && m.includes("unknown variable")))
  return (
    <Container className="flex flex-col gap-y-3 px-4 py-3" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("campaigns.variant.label", { id: variant.id.toUpperCase() })}</Label>
          <Input value={variant.name} onChange={(e) => onChange({ ...variant, name: e.target.value })} data-testid={`${testId}-name`} />
        </div>
        <div className="flex w-32 flex-col gap-y-1">
          <Label size="small">{weightLabel}</Label>
          <Input
            type="number"
            min={1}
            max={100}
            value={String(variant.weight)}
            onChange={(e) => onChange({ ...variant, weight: Number(e.target.value) })}
            data-testid={`${testId}-weight`}
          />
        </div>
        {onRemove && (
          <Button variant="transparent" size="small" onClick={onRemove} data-testid={`${testId}-remove`}>
            {t("campaigns.variant.remove")}
          </Button>
        )}
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="flex min-w-[280px] flex-1 flex-col gap-y-2">
          <Label size="small">{t("campaigns.variant.text")}</Label>
          <Textarea
            ref={textRef}
            rows={5}
            value={body}
            placeholder={t("campaigns.variant.placeholder", { store: "{{store_name}}", first: "{{customer_first_name}}", interpolation: { escapeValue: false } })}
            onChange={(e) => onChange({ ...variant, sms_body: e.target.value })}
            aria-invalid={saveProblems.length > 0}
            data-testid={`${testId}-text`}
          />
          <VariablePicker
            label={t("campaigns.variant.insert")}
            variables={CAMPAIGN_VARIABLES}
            titleOf={(name) => t(`campaigns.variant.variables.${name}`)}
            onInsert={(name) => onChange({ ...variant, sms_body: insertVariableAt(textRef, body, name) })}
            testId={`${testId}-variables`}
          />
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("campaigns.variant.help")}
          </Text>
          <SmsMeter preview={preview} pending={loading} />
          {[...saveProblems, ...live.filter((p) => !saveProblems.includes(p)), ...previewProblems].map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error" data-testid={`${testId}-problem`}>
              {p}
            </Text>
          ))}
        </div>
        <PhonePreview body={draft ? preview?.body ?? null : ""} rcs={preview?.rcs ?? null} stale={loading} />
      </div>
    </Container>
  )
}
