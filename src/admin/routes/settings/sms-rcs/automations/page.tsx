import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AutomationTable } from "../../../../components/automations/automation-table"
import { useAutomations } from "../../../../lib/automations"

/** Settings → SMS & RCS → Automations: which texts go out on their own, when, and with which template. */
const AutomationsPage = () => {
  const { data, isPending: loading, error } = useAutomations()
  const automations = data?.automations ?? []
  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-automations-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">SMS &amp; RCS automations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Texts sent when something happens in the store. A delay waits that many minutes after the event.
          </Text>
        </div>
        <Link to="/settings/sms-rcs/templates" className="text-ui-fg-interactive txt-compact-small-plus">
          Templates →
        </Link>
      </div>
      {loading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load the automations: {error.message}</Text>}
      {!loading && !error && automations.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">No automation is available.</Text>
      )}
      {!loading && !error && automations.length > 0 && <AutomationTable automations={automations} />}
    </Container>
  )
}

export const handle = {
  breadcrumb: () => "Automations",
}

export default AutomationsPage
