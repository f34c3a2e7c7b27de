import { Badge, Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import type { AdminTemplate } from "../../lib/templates"

/** Every template (key × locale): shipped default or the store's own, purpose, and the automation using it. */
export const TemplateList = ({
  templates,
  selected,
  onSelect,
  timeZone,
}: {
  templates: AdminTemplate[]
  selected: { key: string; locale: string } | null
  onSelect: (template: AdminTemplate) => void
  /** The store's, in which "updated" is shown. */
  timeZone?: string
}) => (
  <Table data-testid="template-list">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Template</Table.HeaderCell>
        <Table.HeaderCell>Locale</Table.HeaderCell>
        <Table.HeaderCell>Version</Table.HeaderCell>
        <Table.HeaderCell>Purpose</Table.HeaderCell>
        <Table.HeaderCell>Used by</Table.HeaderCell>
        <Table.HeaderCell>Updated</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {templates.map((t) => {
        const isSelected = selected?.key === t.key && selected?.locale === t.locale
        return (
          <Table.Row
            key={`${t.key}:${t.locale}`}
            data-testid="template-row"
            data-key={t.key}
            data-locale={t.locale}
            data-selected={isSelected}
            aria-selected={isSelected}
            tabIndex={0}
            className={`cursor-pointer ${isSelected ? "bg-ui-bg-highlight" : ""}`}
            onClick={() => onSelect(t)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault()
                onSelect(t)
              }
            }}
          >
            <Table.Cell>
              <code className="font-mono text-xs">{t.key}</code>
            </Table.Cell>
            <Table.Cell>{t.locale}</Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={t.is_default ? "grey" : "blue"} data-testid="template-source">
                {t.is_default ? "Default" : "Custom"}
              </Badge>
            </Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={t.purpose === "marketing" ? "purple" : "green"}>
                {t.purpose}
              </Badge>
            </Table.Cell>
            <Table.Cell>
              {t.automation ? (
                <code className="font-mono text-xs">{t.automation}</code>
              ) : (
                <Text size="small" className="text-ui-fg-muted">—</Text>
              )}
            </Table.Cell>
            <Table.Cell>
              <Text size="small" className="text-ui-fg-subtle">
                {formatDateTime(t.updated_at, timeZone)}
              </Text>
            </Table.Cell>
          </Table.Row>
        )
      })}
    </Table.Body>
  </Table>
)
