import { Badge, Table, Text } from "@medusajs/ui"
import { useFormat, useT } from "../../lib/i18n"
import { templateName, type AdminTemplate } from "../../lib/templates"

/**
 * Every template (key × locale) by its name for people ("Order confirmation", the key small under it):
 * shipped default or the store's own, purpose, and the automation using it.
 */
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
}) => {
  const { t } = useT()
  const format = useFormat()
  return (
    <Table data-testid="template-list">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("templates.list.template")}</Table.HeaderCell>
          <Table.HeaderCell>{t("templates.list.locale")}</Table.HeaderCell>
          <Table.HeaderCell>{t("templates.list.version")}</Table.HeaderCell>
          <Table.HeaderCell>{t("templates.list.purpose")}</Table.HeaderCell>
          <Table.HeaderCell>{t("templates.list.usedBy")}</Table.HeaderCell>
          <Table.HeaderCell>{t("templates.list.updated")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {templates.map((tpl) => {
          const isSelected = selected?.key === tpl.key && selected?.locale === tpl.locale
          const name = templateName(t, tpl.key)
          return (
            <Table.Row
              key={`${tpl.key}:${tpl.locale}`}
              data-testid="template-row"
              data-key={tpl.key}
              data-locale={tpl.locale}
              data-selected={isSelected}
              aria-selected={isSelected}
              tabIndex={0}
              className={`cursor-pointer ${isSelected ? "bg-ui-bg-highlight" : ""}`}
              onClick={() => onSelect(tpl)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault()
                  onSelect(tpl)
                }
              }}
            >
              <Table.Cell>
                <div className="flex flex-col py-1">
                  <Text size="small" weight="plus" data-testid="template-name">
                    {name}
                  </Text>
                  {name !== tpl.key && (
                    <code className="font-mono text-xs text-ui-fg-muted" data-testid="template-key">
                      {tpl.key}
                    </code>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell>{tpl.locale}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={tpl.is_default ? "grey" : "blue"} data-testid="template-source">
                  {tpl.is_default ? t("templates.list.default") : t("templates.list.custom")}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={tpl.purpose === "marketing" ? "purple" : "green"} data-testid="template-purpose-badge">
                  {tpl.purpose === "marketing" ? t("templates.list.marketing") : t("templates.list.transactional")}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                {tpl.automation ? (
                  <Text size="small">{t(`automations.names.${tpl.automation}`, { defaultValue: tpl.automation })}</Text>
                ) : (
                  <Text size="small" className="text-ui-fg-muted">—</Text>
                )}
              </Table.Cell>
              <Table.Cell>
                <Text size="small" className="text-ui-fg-subtle">
                  {format.dateTime(tpl.updated_at, timeZone)}
                </Text>
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
