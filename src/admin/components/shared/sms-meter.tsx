import { Badge, Text } from "@medusajs/ui"
import { useFormat, useT } from "../../lib/i18n"
import type { TemplatePreview } from "../../lib/templates"

/**
 * Encoding, segments, characters and the estimated cost of one text, as the preview counted them. The cost
 * per text keeps up to four decimals: SMS prices are fractions of a cent (€0.0725 a segment).
 */
export const SmsMeter = ({ preview, pending }: { preview: TemplatePreview | null; pending: boolean }) => {
  const { t } = useT()
  const format = useFormat()
  const cost = preview?.cost ? format.money(preview.cost.amount, preview.cost.currency_code, 4) : "—"
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="preview-meter" aria-busy={pending}>
      <div className="flex items-center gap-x-1.5">
        <Text size="small" className="text-ui-fg-subtle">{t("templates.meter.encoding")}</Text>
        <Badge size="2xsmall" color={preview?.encoding === "UCS-2" ? "orange" : "green"}>
          <span data-testid="preview-encoding">{preview?.encoding ?? "…"}</span>
        </Badge>
      </div>
      <Text size="small">
        <span data-testid="preview-segments" className="font-medium">{preview?.segments ?? "…"}</span>{" "}
        <span className="text-ui-fg-subtle">{t("templates.meter.segments", { count: preview?.segments ?? 0 })}</span>
      </Text>
      <Text size="small">
        <span data-testid="preview-characters" className="font-medium">{preview?.characters ?? "…"}</span>{" "}
        <span className="text-ui-fg-subtle">{t("templates.meter.characters")}</span>
      </Text>
      <Text size="small">
        <span className="text-ui-fg-subtle">{t("templates.meter.cost")} </span>
        <span data-testid="preview-cost" className="font-medium">{preview ? cost : "…"}</span>
      </Text>
      {pending && <Text size="xsmall" className="text-ui-fg-muted">{t("templates.meter.updating")}</Text>}
    </div>
  )
}
