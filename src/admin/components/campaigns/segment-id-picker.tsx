import { Badge, Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { segmentKeys } from "../../lib/campaigns"
import { useT } from "../../lib/i18n"
import { sdk } from "../../lib/sdk"

type Option = { id: string; label: string }

/** Where each kind of id is listed in Medusa's admin API, and what names it. */
const SOURCES: Record<string, { path: string; key: string; label: (row: any) => string }> = {
  customer_group: { path: "/admin/customer-groups?fields=id,name&limit=200", key: "customer_groups", label: (g) => g.name },
  product_bought: { path: "/admin/products?fields=id,title&limit=200", key: "products", label: (p) => p.title },
  collection_bought: { path: "/admin/collections?fields=id,title&limit=200", key: "collections", label: (c) => c.title },
}

export const hasIdPicker = (field: string) => field in SOURCES

/** Customer groups, products or collections picked by name (their ids go in the rule). */
export const SegmentIdPicker = ({
  field,
  value,
  onChange,
  testId,
}: {
  field: string
  value: string[]
  onChange: (value: string[]) => void
  testId: string
}) => {
  const { t } = useT()
  // asked once per kind while the page is open: a builder with several rules asks once
  const { data: options, error } = useQuery({
    queryKey: [...segmentKeys.all, "options", field],
    queryFn: async (): Promise<Option[]> => {
      const source = SOURCES[field]
      const data = await sdk.client.fetch<Record<string, any[]>>(source.path)
      return data[source.key].map((row) => ({ id: row.id, label: source.label(row) }))
    },
    staleTime: Infinity,
  })
  const labelOf = (id: string) => options?.find((o) => o.id === id)?.label ?? id
  const free = (options ?? []).filter((o) => !value.includes(o.id))
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={testId}>
      {value.map((id) => (
        <Badge key={id} size="small" data-testid={`${testId}-chosen`}>
          {labelOf(id)}
          <button type="button" className="ml-1 text-ui-fg-muted" aria-label={t("campaigns.segment.removeChosen", { label: labelOf(id) })} onClick={() => onChange(value.filter((v) => v !== id))}>
            ×
          </button>
        </Badge>
      ))}
      {error && <Text size="small" className="text-ui-fg-error">{error.message}</Text>}
      {options && free.length > 0 && (
        <div className="w-48">
          <Select value="" onValueChange={(id) => onChange([...value, id])}>
            <Select.Trigger data-testid={`${testId}-add`}>
              <Select.Value placeholder={t("campaigns.segment.add")} />
            </Select.Trigger>
            <Select.Content>
              {free.map((o) => (
                <Select.Item key={o.id} value={o.id}>
                  {o.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      {options && !options.length && <Text size="small" className="text-ui-fg-muted">{t("campaigns.segment.noneYet")}</Text>}
    </div>
  )
}
