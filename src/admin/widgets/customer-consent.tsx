import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Select, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { MessageStatusBadge } from "../components/shared/message-status-badge"
import { useMessages } from "../lib/messages"
import { queryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { useStoreTimeZone } from "../lib/store-settings"
import { formatDateTime } from "../lib/format"

type Consent = { id: string; phone: string; purpose: string; status: string; granted_at: string | null; revoked_at: string | null }
type ConsentEvent = {
  id: string
  phone: string
  purpose: string
  action: string
  source: string
  wording: string | null
  wording_version: string | null
  ip: string | null
  occurred_at: string
  evidence: Record<string, unknown> | null
}

const consentKeys = queryKeys("consents")

const STATUS_COLOR: Record<string, "green" | "red" | "orange" | "grey"> = { granted: "green", revoked: "red", pending: "orange" }

/**
 * The widget stays mounted when the admin goes from one customer's page straight to another's (the same
 * route, another id): keyed by the customer, everything in it — above all the offline-consent form and
 * its phone — starts again for the new customer, so consent is never recorded on the previous one.
 */
const CustomerConsentWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <CustomerConsent key={customer.id} customer={customer} />
)

/** The customer's SMS consent per purpose, the ledger that proves it, their texts, and offline consent. */
const CustomerConsent = ({ customer }: { customer: AdminCustomer }) => {
  const [form, setForm] = useState({ phone: customer.phone ?? "", purpose: "marketing", action: "grant", note: "" })
  const queryClient = useQueryClient()
  const consents = useQuery({
    queryKey: consentKeys.list({ customer_id: customer.id }),
    queryFn: () =>
      sdk.client.fetch<{ consents: Consent[]; events: ConsentEvent[] }>("/admin/messaging/consents", { query: { customer_id: customer.id } }),
  })
  const state = consents.data ?? { consents: [], events: [] }
  const saving = useMutation({
    mutationFn: (body: typeof form & { customer_id: string }) => sdk.client.fetch("/admin/messaging/consents", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.all }),
  })
  const zone = useStoreTimeZone()
  const messages = useMessages({ customer_id: customer.id }).data?.messages ?? []

  const record = () =>
    saving.mutate(
      { ...form, customer_id: customer.id },
      {
        onSuccess: () => {
          toast.success("Consent recorded")
          setForm((f) => ({ ...f, note: "" }))
        },
        onError: (error) => toast.error(error.message),
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-customer-consent">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">SMS &amp; RCS consent</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {state.consents.length === 0 && <Text className="text-ui-fg-subtle">No consent recorded for this customer.</Text>}
        {state.consents.map((c) => (
          <div key={c.id} className="flex items-center justify-between" data-testid="sms-rcs-consent">
            <Text size="small" weight="plus">
              {c.purpose === "marketing" ? "Marketing" : "Transactional"} · {c.phone}
            </Text>
            <StatusBadge color={STATUS_COLOR[c.status] ?? "grey"}>{c.status}</StatusBadge>
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">Proof (ledger)</Text>
        {state.events.length === 0 && <Text size="small" className="text-ui-fg-subtle">No event yet.</Text>}
        {state.events.map((e) => (
          <div key={e.id} className="flex flex-col rounded-md bg-ui-bg-subtle p-2" data-testid="sms-rcs-consent-event">
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall">{e.action}</Badge>
              <Text size="xsmall">
                {e.purpose} · {e.source} · {formatDateTime(e.occurred_at, zone)}
              </Text>
            </div>
            {e.wording && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                “{e.wording}”{e.wording_version ? ` (v${e.wording_version})` : ""}
              </Text>
            )}
            {typeof e.evidence?.note === "string" && (
              <Text size="xsmall" className="text-ui-fg-subtle">Note: {e.evidence.note as string}</Text>
            )}
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">Record consent obtained offline</Text>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label size="xsmall">Phone</Label>
            <Input size="small" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} name="consent-phone" />
          </div>
          <div>
            <Label size="xsmall">Purpose</Label>
            <Select size="small" value={form.purpose} onValueChange={(purpose) => setForm({ ...form, purpose })}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="marketing">Marketing</Select.Item>
                <Select.Item value="transactional">Transactional</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div>
            <Label size="xsmall">Action</Label>
            <Select size="small" value={form.action} onValueChange={(action) => setForm({ ...form, action })}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                <Select.Item value="grant">Grant</Select.Item>
                <Select.Item value="revoke">Revoke</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </div>
        <Label size="xsmall">How it was obtained (required)</Label>
        <Textarea value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} name="consent-note" />
        <Button size="small" variant="secondary" onClick={record} isLoading={saving.isPending} disabled={form.note.trim().length < 3}>
          Record
        </Button>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">Texts</Text>
        {messages.length === 0 && <Text size="small" className="text-ui-fg-subtle">No text sent to this customer.</Text>}
        {messages.map((m) => (
          <div key={m.id} className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="truncate">{m.template_key ?? "message"} · {formatDateTime(m.created_at, zone)}</Text>
            <MessageStatusBadge status={m.status} />
          </div>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerConsentWidget
