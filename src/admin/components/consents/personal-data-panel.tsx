import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import type { DataSubject } from "../../lib/personal-data"
import { useT } from "../../lib/i18n"
import { usePersonalDataActions } from "./use-erase-flow"

const E164 = /^\+[1-9]\d{6,14}$/

/** GDPR export and erasure for a phone or a customer, from the Consents page. */
export const PersonalDataPanel = () => {
  const { t } = useT()
  const [phone, setPhone] = useState("")
  const [customerId, setCustomerId] = useState("")
  const { exportData, eraseData, counting, erasing } = usePersonalDataActions()
  const cleanPhone = phone.replace(/[\s.-]/g, "")
  const subject: DataSubject | null = E164.test(cleanPhone) ? { phone: cleanPhone } : customerId.trim() ? { customer_id: customerId.trim() } : null
  const who = subject ? ("phone" in subject ? subject.phone : subject.customer_id) : ""
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="personal-data-panel">
      <div>
        <Heading level="h2">{t("consents.personalData.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("consents.personalData.intro")}</Text>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <Label size="xsmall">{t("consents.personalData.phone")}</Label>
          <Input size="small" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+33612345678" name="personal-data-phone" />
        </div>
        <div>
          <Label size="xsmall">{t("consents.personalData.customer")}</Label>
          <Input size="small" value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="cus_…" name="personal-data-customer" />
        </div>
      </div>
      {!subject && (phone || customerId) && <Text size="xsmall" className="text-ui-fg-error">{t("consents.personalData.needSubject")}</Text>}
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
