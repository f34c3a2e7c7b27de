import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import type { DataSubject } from "../../lib/personal-data"
import { useT } from "../../lib/i18n"
import { usePersonalDataActions } from "./use-erase-flow"

/**
 * GDPR export and erasure for a phone OR a customer, from the Consents page. The phone is sent as typed:
 * the server reads it like every other phone field (a national number in the store's country) and says
 * when it cannot. Both fields filled is refused here, said, rather than one of them silently ignored.
 */
export const PersonalDataPanel = () => {
  const { t } = useT()
  const [phone, setPhone] = useState("")
  const [customerId, setCustomerId] = useState("")
  const { exportData, eraseData, counting, erasing } = usePersonalDataActions()
  const typedPhone = phone.trim()
  const typedCustomer = customerId.trim()
  const both = !!typedPhone && !!typedCustomer
  const subject: DataSubject | null = both ? null : typedPhone ? { phone: typedPhone } : typedCustomer ? { customer_id: typedCustomer } : null
  const who = typedPhone || typedCustomer
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="personal-data-panel">
      <div>
        <Heading level="h2">{t("consents.personalData.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("consents.personalData.intro")}</Text>
        <Text size="small" className="text-ui-fg-subtle">{t("consents.personalData.oneOrOther")}</Text>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <Label size="xsmall">{t("consents.personalData.phone")}</Label>
          <Input size="small" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="06 12 34 56 78" name="personal-data-phone" />
        </div>
        <div>
          <Label size="xsmall">{t("consents.personalData.customer")}</Label>
          <Input size="small" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="cus_…" name="personal-data-customer" />
        </div>
      </div>
      {both && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="personal-data-both">
          {t("consents.personalData.bothGiven")}
        </Text>
      )}
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" disabled={!subject} onClick={() => subject && exportData(subject)} data-testid="personal-data-export">
          {t("consents.personalData.export")}
        </Button>
        <Button
          size="small"
          variant="danger"
          disabled={!subject}
          isLoading={counting || erasing}
          onClick={async () => {
            if (subject && (await eraseData(subject, who))) {
              setPhone("")
              setCustomerId("")
            }
          }}
          data-testid="personal-data-erase"
        >
          {t("consents.personalData.erase")}
        </Button>
      </div>
    </Container>
  )
}
