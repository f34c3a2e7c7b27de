import { Table } from "@medusajs/ui"
import type { AdminAutomation } from "../../lib/automations"
import { useT } from "../../lib/i18n"
import { AutomationRow } from "./automation-row"

/** Every automation with its template, what it sent, whether it is on and its timing. */
export const AutomationTable = ({ automations, timeZone }: { automations: AdminAutomation[]; timeZone?: string }) => {
  const { t } = useT()
  return (
    <Table data-testid="automation-list">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("automations.table.automation")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.template")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.purpose")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.sent")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.lastSent")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.enabled")}</Table.HeaderCell>
          <Table.HeaderCell>{t("automations.table.timing")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {automations.map((a) => (
          <AutomationRow key={a.key} automation={a} timeZone={timeZone} />
        ))}
      </Table.Body>
    </Table>
  )
}
