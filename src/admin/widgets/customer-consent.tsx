import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { ConsentLedger } from "../components/consents/consent-ledger"
import { ConsentStatusBadge } from "../components/consents/consent-status-badge"
import { PhoneSources } from "../components/consents/phone-sources"
import { RecordConsentForm } from "../components/consents/record-consent-form"
import { MessageStatusBadge } from "../components/shared/message-status-badge"
import { useCustomerConsents, type CustomerPhoneConsent } from "../lib/consents"
import { useFormat, useT } from "../lib/i18n"
import { useMessages } from "../lib/messages"
import { useStoreTimeZone } from "../lib/store-settings"

/**
 * The widget stays mounted when the admin goes from one customer's page straight to another's (the same
 * route, another id): keyed by the customer, everything in it — above all the offline-consent form and
 * its phone — starts again for the new customer, so consent is never recorded on the previous one.
 */
const CustomerConsentWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <CustomerConsent key={customer.id} customer={customer} />
)

const PURPOSES = ["marketing", "transactional"] as const

/** One phone: where Medusa holds it, its consent per purpose, and its whole ledger. */
const PhoneConsent = ({ entry, zone }: { entry: CustomerPhoneConsent; zone?: string }) => {
  const { t } = useT()
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="sms-rcs-consent-phone" data-phone={entry.phone}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Text size="small" weight="plus">{entry.phone}</Text>
        <PhoneSources sources={entry.sources} />
      </div>
      {PURPOSES.map((purpose) => {
        // the number's state for all channels (a STOP is for every channel)
        const state = entry.consents.find((c) => c.purpose === purpose && c.channel === "all") ?? entry.consents.find((c) => c.purpose === purpose)
        return (
          <div key={purpose} className="flex items-center justify-between" data-testid="sms-rcs-consent" data-purpose={purpose}>
            <Text size="small">
              {t(`consents.purpose.${purpose}`)} · {entry.phone}
            </Text>
            <ConsentStatusBadge status={state?.status} />
          </div>
        )
      })}
      <Text size="xsmall" weight="plus" className="pt-1">{t("consents.ledger.title")}</Text>
      <ConsentLedger events={entry.events} zone={zone} />
    </div>
  )
}

/** The customer's SMS consent for every phone they carry, the ledger that proves it, their texts, and offline consent. */
const CustomerConsent = ({ customer }: { customer: AdminCustomer }) => {
  const { t } = useT()
  const { dateTime } = useFormat()
  const zone = useStoreTimeZone()
  const consents = useCustomerConsents(customer.id)
  const messages = useMessages({ customer_id: customer.id })
  const phones = consents.data?.phones ?? []
  const defaultPhone = customer.phone ?? phones[0]?.phone ?? ""

  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-customer-consent">
      <div className="flex flex-col px-6 py-4">
        <Heading level="h2">{t("consents.widget.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("consents.widget.intro")}</Text>
      </div>
      {consents.isPending && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="consent-loading">{t("common.loading")}</Text>
      )}
      {consents.isError && (
        <div className="flex items-center justify-between gap-x-2 px-6 py-4" data-testid="consent-error">
          <Text size="small" className="text-ui-fg-error">{t("consents.widget.loadError", { message: consents.error.message })}</Text>
          <Button size="small" variant="secondary" onClick={() => consents.refetch()} isLoading={consents.isFetching} data-testid="consent-retry">
            {t("common.retry")}
          </Button>
        </div>
      )}
      {consents.isSuccess && !phones.length && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="consent-no-phone">{t("consents.widget.noPhone")}</Text>
      )}
      {phones.map((entry) => (
        <PhoneConsent key={entry.phone} entry={entry} zone={zone} />
      ))}
      <div className="px-6 py-4">
        <RecordConsentForm defaultPhone={defaultPhone} customerId={customer.id} />
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">{t("consents.widget.texts")}</Text>
        {messages.isError && <Text size="small" className="text-ui-fg-error">{messages.error.message}</Text>}
        {messages.isSuccess && !messages.data.messages.length && (
          <Text size="small" className="text-ui-fg-subtle">{t("consents.widget.noText")}</Text>
        )}
        {(messages.data?.messages ?? []).map((m) => (
          <div key={m.id} className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="truncate">
              {m.template_key ?? t("consents.widget.message")} · {m.to ?? t("common.none")} · {dateTime(m.created_at, zone)}
            </Text>
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
