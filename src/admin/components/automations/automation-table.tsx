import { Table } from "@medusajs/ui"
import type { AdminAutomation } from "../../lib/automations"
import { AutomationRow } from "./automation-row"

/** Every automation with its trigger, its template, whether it is on and its timing. */
export const AutomationTable = ({ automations }: { automations: AdminAutomation[] }) => (
  <Table data-testid="automation-list">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Automation</Table.HeaderCell>
        <Table.HeaderCell>Template</Table.HeaderCell>
        <Table.HeaderCell>Purpose</Table.HeaderCell>
        <Table.HeaderCell>Enabled</Table.HeaderCell>
        <Table.HeaderCell>Timing</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {automations.map((a) => (
        <AutomationRow key={a.key} automation={a} />
      ))}
    </Table.Body>
  </Table>
)
