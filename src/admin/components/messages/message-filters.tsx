import { Button, Input, Label, Select, Text } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useT } from "../../lib/i18n"
import { MESSAGE_STATUSES } from "../../lib/messages"

/** What the owner typed or picked; dates are days ("2026-12-01") in the store's zone. */
export type MessageSearch = {
  to: string
  order_id: string
  customer_id: string
  template_key: string
  campaign_id: string
  status: string
  from: string
  until: string
}

export const EMPTY_SEARCH: MessageSearch = { to: "", order_id: "", customer_id: "", template_key: "", campaign_id: "", status: "", from: "", until: "" }

const TEXT_FIELDS = [
  { key: "to", label: "messages.filters.phone", placeholder: "messages.filters.phonePlaceholder" },
  { key: "order_id", label: "messages.filters.order", placeholder: "1042, order_…" },
  { key: "customer_id", label: "messages.filters.customer", placeholder: "cus_…" },
  { key: "template_key", label: "messages.filters.template", placeholder: "order_confirmation" },
  { key: "campaign_id", label: "messages.filters.campaign", placeholder: "smscamp_…" },
] as const

const ANY = "any"

/**
 * The Messages page's search: phone (as the owner writes it), order, customer, template, campaign, status
 * and a range of days. Texts apply on Enter or "Search"; the status and the days at once.
 */
export const MessageFilters = ({ value, zone, onChange }: { value: MessageSearch; zone: string | undefined; onChange: (next: MessageSearch) => void }) => {
  const { t } = useT()
  const [draft, setDraft] = useState(value)
  // the address is the truth (back, forward, a link from the overview): follow it
  useEffect(() => setDraft(value), [JSON.stringify(value)])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange(trimmed(draft))
  }
  const set = (key: keyof MessageSearch, v: string, now = false) => {
    const next = { ...draft, [key]: v }
    setDraft(next)
    if (now) onChange(trimmed(next))
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4" data-testid="messages-filters">
      <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(12rem, 1fr))" }}>
        {TEXT_FIELDS.map((f) => (
          <div key={f.key} className="flex flex-col gap-y-1">
            <Label size="xsmall" htmlFor={`messages-filter-${f.key}`}>
              {t(f.label)}
            </Label>
            <Input
              id={`messages-filter-${f.key}`}
              size="small"
              maxLength={200}
              value={draft[f.key]}
              placeholder={f.placeholder.startsWith("messages.") ? t(f.placeholder) : f.placeholder}
              onChange={(e) => set(f.key, e.target.value)}
              data-testid={`messages-filter-${f.key}`}
            />
          </div>
        ))}
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall">{t("messages.filters.status")}</Label>
          <Select size="small" value={draft.status || ANY} onValueChange={(v) => set("status", v === ANY ? "" : v, true)}>
            <Select.Trigger data-testid="messages-filter-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY}>{t("messages.filters.anyStatus")}</Select.Item>
              {MESSAGE_STATUSES.map((s) => (
                <Select.Item key={s} value={s} data-testid={`messages-filter-status-${s}`}>
                  {t(`messages.status.${s}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="messages-filter-from">
            {t("messages.filters.from")}
          </Label>
          <Input id="messages-filter-from" type="date" size="small" value={draft.from} max={draft.until || undefined} onChange={(e) => set("from", e.target.value, true)} data-testid="messages-filter-from" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="messages-filter-until">
            {t("messages.filters.to")}
          </Label>
          <Input id="messages-filter-until" type="date" size="small" value={draft.until} min={draft.from || undefined} onChange={(e) => set("until", e.target.value, true)} data-testid="messages-filter-until" />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("messages.filters.datesHint", { zone: zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone })}
        </Text>
        <div className="flex gap-x-2">
          <Button type="button" size="small" variant="transparent" onClick={() => onChange(EMPTY_SEARCH)} data-testid="messages-filter-clear">
            {t("messages.filters.clear")}
          </Button>
          <Button type="submit" size="small" variant="secondary" data-testid="messages-filter-apply">
            {t("messages.list.search")}
          </Button>
        </div>
      </div>
    </form>
  )
}

function trimmed(search: MessageSearch): MessageSearch {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, v.trim()])) as MessageSearch
}
