import { Button, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useRecordConsent, type ConsentPurpose } from "../../lib/consents"
import { useT } from "../../lib/i18n"

/**
 * Consent obtained or withdrawn offline (in the shop, on paper, by phone), for one number, with the
 * admin's reason: the reason is the proof, and the ledger names the admin who recorded it.
 */
export const RecordConsentForm = ({ defaultPhone, customerId }: { defaultPhone: string; customerId?: string }) => {
  const { t } = useT()
  const [form, setForm] = useState({ phone: defaultPhone, purpose: "marketing" as ConsentPurpose, action: "grant" as "grant" | "revoke", note: "" })
  const saving = useRecordConsent()
  const record = () =>
    saving.mutate(
      { ...form, ...(customerId ? { customer_id: customerId } : {}) },
      {
        onSuccess: () => {
          toast.success(t("consents.record.done"))
          setForm((f) => ({ ...f, note: "" }))
        },
        onError: (error) => toast.error(error.message),
      }
    )
  return (
    <div className="flex flex-col gap-y-2" data-testid="consent-record-form">
      <Text size="small" weight="plus">{t("consents.record.title")}</Text>
      <div className="grid grid-cols-3 gap-2">
        <div>
          <Label size="xsmall">{t("consents.record.phone")}</Label>
          <Input size="small" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} name="consent-phone" />
        </div>
        <div>
          <Label size="xsmall">{t("consents.record.purpose")}</Label>
          <Select size="small" value={form.purpose} onValueChange={(purpose) => setForm({ ...form, purpose: purpose as ConsentPurpose })}>
            <Select.Trigger data-testid="consent-record-purpose"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="marketing">{t("consents.purpose.marketing")}</Select.Item>
              <Select.Item value="transactional">{t("consents.purpose.transactional")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div>
          <Label size="xsmall">{t("consents.record.action")}</Label>
          <Select size="small" value={form.action} onValueChange={(action) => setForm({ ...form, action: action as "grant" | "revoke" })}>
            <Select.Trigger data-testid="consent-record-action"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="grant">{t("consents.record.grant")}</Select.Item>
              <Select.Item value="revoke">{t("consents.record.revoke")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
      </div>
      <Label size="xsmall">{t("consents.record.reason")}</Label>
      <Textarea value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} name="consent-note" />
      <div>
        <Button size="small" variant="secondary" onClick={record} isLoading={saving.isPending} disabled={form.note.trim().length < 3} data-testid="consent-record-submit">
          {t("consents.record.submit")}
        </Button>
      </div>
    </div>
  )
}
