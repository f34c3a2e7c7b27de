import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AutomationTable } from "../../../../components/automations/automation-table"
import { useAutomations } from "../../../../lib/automations"
import { useT } from "../../../../lib/i18n"
import { useStoreTimeZone } from "../../../../lib/store-settings"

/**
 * Settings → SMS & RCS → Automations: which texts go out on their own, when, with which template, and what
 * each sent (last 30 days, last text, in the store's time zone).
 */
const AutomationsPage = () => {
  const { t } = useT()
  const { data, isPending: loading, error } = useAutomations()
  const zone = useStoreTimeZone()
  const automations = data?.automations ?? []
  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-automations-page">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">{t("automations.page.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("automations.page.subtitle")}
          </Text>
          {zone && (
            <Text size="xsmall" className="text-ui-fg-muted" data-testid="automations-zone">
              {t("automations.page.zone", { zone })}
            </Text>
          )}
        </div>
        <Link to="/settings/sms-rcs/templates" className="text-ui-fg-interactive txt-compact-small-plus">
          {t("automations.page.templatesLink")}
        </Link>
      </div>
      {loading && <Text className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" data-testid="automations-error">
          {t("automations.page.loadFailed", { message: error.message })}
        </Text>
      )}
      {!loading && !error && automations.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">{t("automations.page.empty")}</Text>
      )}
      {!loading && !error && automations.length > 0 && (
        <div className="overflow-x-auto">
          <AutomationTable automations={automations} timeZone={zone} />
        </div>
      )}
    </Container>
  )
}

const Crumb = () => {
  const { t } = useT()
  return <>{t("templates.settings.automations")}</>
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

export default AutomationsPage
