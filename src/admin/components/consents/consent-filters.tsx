import { Button, Input, Label, Select, Text } from "@medusajs/ui"
import type { ConsentFilters as Filters } from "../../lib/consents"
import { useT } from "../../lib/i18n"

const ANY = "any"
const OPTIONS = {
  purpose: ["marketing", "transactional"],
  status: ["granted", "revoked", "pending"],
  source: ["checkout", "storefront_form", "keyword", "admin", "import", "double_opt_in"],
} as const

/** The list's filters; each change asks the server again (filtering is server-side, over every consent). */
export const ConsentFilters = ({ value, onChange, zone }: { value: Filters; onChange: (f: Filters) => void; zone?: string }) => {
  const { t } = useT()
  const select = (key: keyof typeof OPTIONS, label: (v: string) => string) => (
    <div>
      <Label size="xsmall">{t(`consents.filters.${key}`)}</Label>
      <Select size="small" value={(value[key] as string | undefined) ?? ANY} onValueChange={(v) => onChange({ ...value, [key]: v === ANY ? undefined : v })}>
        <Select.Trigger data-testid={`consent-filter-${key}`}><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value={ANY}>{t("consents.filters.any")}</Select.Item>
          {OPTIONS[key].map((o) => (
            <Select.Item key={o} value={o}>{label(o)}</Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
  return (
    <div className="flex flex-col gap-y-1" data-testid="consent-filters">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-6">
        <div>
          <Label size="xsmall">{t("consents.filters.search")}</Label>
          <Input
            size="small"
            value={value.q ?? ""}
            placeholder={t("consents.filters.searchPlaceholder")}
            onChange={(e) => onChange({ ...value, q: e.target.value || undefined })}
            name="consent-filter-q"
          />
        </div>
        {select("purpose", (v) => t(`consents.purpose.${v}`))}
        {select("status", (v) => t(`consents.status.${v}`))}
        {select("source", (v) => t(`consents.source.${v}`))}
        <div>
          <Label size="xsmall">{t("consents.filters.from")}</Label>
          <Input size="small" type="date" value={value.changed_from ?? ""} onChange={(e) => onChange({ ...value, changed_from: e.target.value || undefined })} name="consent-filter-from" />
        </div>
        <div>
          <Label size="xsmall">{t("consents.filters.to")}</Label>
          <Input size="small" type="date" value={value.changed_to ?? ""} onChange={(e) => onChange({ ...value, changed_to: e.target.value || undefined })} name="consent-filter-to" />
        </div>
      </div>
      <div className="flex items-center justify-between">
        <Text size="xsmall" className="text-ui-fg-muted">{t("consents.filters.zoneHint", { zone: zone ?? "UTC" })}</Text>
        <Button size="small" variant="transparent" onClick={() => onChange({})} data-testid="consent-filter-clear">
          {t("consents.filters.clear")}
        </Button>
      </div>
    </div>
  )
}
