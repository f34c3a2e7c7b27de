import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ConsentFilters } from "../../../components/consents/consent-filters"
import { ConsentImport } from "../../../components/consents/consent-import"
import { ConsentTable, PAGE_SIZE } from "../../../components/consents/consent-table"
import { PersonalDataPanel } from "../../../components/consents/personal-data-panel"
import { PhoneLedgerDrawer } from "../../../components/consents/phone-ledger-drawer"
import { useConsentList, type ConsentFilters as Filters } from "../../../lib/consents"
import { useT } from "../../../lib/i18n"
import { useDebouncedValue } from "../../../lib/use-debounced-value"
import { useStoreTimeZone } from "../../../lib/store-settings"

/** Messaging → Consents: every consent (filtered on the server), a phone's ledger, CSV import with preview, personal data. */
const ConsentsPage = () => {
  const { t } = useT()
  const zone = useStoreTimeZone()
  const [filters, setFilters] = useState<Filters>({})
  const [pageIndex, setPageIndex] = useState(0)
  const [open, setOpen] = useState<string | null>(null)
  const debounced = useDebouncedValue(filters, 300)
  const list = useConsentList(debounced, { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })

  return (
    <div className="flex flex-col gap-y-3" data-testid="consents-page">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <div>
          <Heading level="h1">{t("consents.page.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t("consents.page.intro")}</Text>
        </div>
        <ConsentFilters
          value={filters}
          zone={zone}
          onChange={(f) => {
            setFilters(f)
            setPageIndex(0)
          }}
        />
      </Container>
      <Container className="p-0">
        {list.isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
        {list.isError && (
          <Text size="small" className="px-6 py-4 text-ui-fg-error" data-testid="consents-error">
            {t("consents.page.loadError", { message: list.error.message })}
          </Text>
        )}
        {list.isSuccess && !list.data.consents.length && (
          <Text size="small" className="px-6 py-4 text-ui-fg-muted" data-testid="consents-empty">{t("consents.page.empty")}</Text>
        )}
        {list.isSuccess && list.data.consents.length > 0 && (
          <>
            <Text size="small" className="px-6 pt-4 text-ui-fg-subtle" data-testid="consents-count">
              {t("consents.page.count", { count: list.data.count })}
            </Text>
            <ConsentTable rows={list.data.consents} count={list.data.count} pageIndex={pageIndex} onPage={setPageIndex} onOpen={setOpen} zone={zone} />
          </>
        )}
      </Container>
      <ConsentImport />
      <PersonalDataPanel />
      <PhoneLedgerDrawer phone={open} onClose={() => setOpen(null)} zone={zone} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "consents.menu",
  translationNs: "sms-rcs",
  // the order under Messaging in the sidebar: Campaigns, Analytics, Messages, Consents
  rank: 40,
})

/** The breadcrumb in the admin's language (a component, so that it can use the translation hook). */
const Breadcrumb = () => <>{useT().t("consents.menu")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default ConsentsPage
