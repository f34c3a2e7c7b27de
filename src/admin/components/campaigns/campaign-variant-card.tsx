import { Button, Container, Input, Label, Text, Textarea } from "@medusajs/ui"
import type { CampaignVariant } from "../../lib/campaigns"
import { useTemplatePreview } from "../../lib/templates"
import { PhonePreview } from "../shared/phone-preview"
import { SmsMeter } from "../shared/sms-meter"

/**
 * One variant of the campaign: its name, its share and its text, with the phone preview and the
 * segment/cost meter of the template editor (rendered for a sample recipient, tracked link included).
 */
export const CampaignVariantCard = ({
  variant,
  index,
  weightLabel,
  onChange,
  onRemove,
}: {
  variant: CampaignVariant
  index: number
  weightLabel: string
  onChange: (variant: CampaignVariant) => void
  onRemove?: () => void
}) => {
  const draft = variant.sms_body ? { sms_body: variant.sms_body } : null
  const { preview, loading, problems } = useTemplatePreview(draft, 300, "/admin/messaging/campaigns/preview")
  const testId = `variant-${index}`
  return (
    <Container className="flex flex-col gap-y-3 px-4 py-3" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">Variant {variant.id.toUpperCase()}</Label>
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
            Remove variant
          </Button>
        )}
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="flex min-w-[280px] flex-1 flex-col gap-y-2">
          <Label size="small">Text</Label>
          <Textarea
            rows={5}
            value={variant.sms_body ?? ""}
            placeholder="{{store_name}}: {{first_name}}, -20% this week: https://…"
            onChange={(e) => onChange({ ...variant, sms_body: e.target.value })}
            data-testid={`${testId}-text`}
          />
          <Text size="xsmall" className="text-ui-fg-muted">
            Variables: first_name, last_name, store_name, storefront_url. Links are tracked; the opt-out mention is added.
          </Text>
          <SmsMeter preview={preview} pending={loading} />
          {problems.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">
              {p.message}
            </Text>
          ))}
        </div>
        <PhonePreview body={draft ? preview?.body ?? null : ""} rcs={preview?.rcs ?? null} stale={loading} />
      </div>
    </Container>
  )
}
