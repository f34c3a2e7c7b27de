import { Badge, Text } from "@medusajs/ui"
import type { TemplatePreview } from "../../lib/templates"

function formatCost(cost: TemplatePreview["cost"]): string {
  if (!cost) return "—"
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: cost.currency_code.toUpperCase(),
      minimumFractionDigits: 2,
      maximumFractionDigits: 4,
    }).format(cost.amount)
  } catch {
    return `${cost.amount} ${cost.currency_code.toUpperCase()}`
  }
}

/** Encoding, segments, characters and the estimated cost of one text, as the preview counted them. */
export const SmsMeter = ({ preview, pending }: { preview: TemplatePreview | null; pending: boolean }) => (
  <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="preview-meter" aria-busy={pending}>
    <div className="flex items-center gap-x-1.5">
      <Text size="small" className="text-ui-fg-subtle">Encoding</Text>
      <Badge size="2xsmall" color={preview?.encoding === "UCS-2" ? "orange" : "green"}>
        <span data-testid="preview-encoding">{preview?.encoding ?? "…"}</span>
      </Badge>
    </div>
    <Text size="small">
      <span data-testid="preview-segments" className="font-medium">{preview?.segments ?? "…"}</span>{" "}
      <span className="text-ui-fg-subtle">segment{preview?.segments === 1 ? "" : "s"}</span>
    </Text>
    <Text size="small">
      <span data-testid="preview-characters" className="font-medium">{preview?.characters ?? "…"}</span>{" "}
      <span className="text-ui-fg-subtle">characters</span>
    </Text>
    <Text size="small">
      <span className="text-ui-fg-subtle">Estimated cost per text </span>
      <span data-testid="preview-cost" className="font-medium">{preview ? formatCost(preview.cost) : "…"}</span>
    </Text>
    {pending && <Text size="xsmall" className="text-ui-fg-muted">updating…</Text>}
  </div>
)
