import { Badge, Button, Input, Switch, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { problemsOf } from "../../lib/api"
import {
  AUTOMATION_LIMITS,
  isValidAutomationNumber,
  useUpdateAutomation,
  type AdminAutomation,
  type AutomationUpdate,
} from "../../lib/automations"
import { useFormat, useT } from "../../lib/i18n"
import { templateName } from "../../lib/templates"

type NumberField = "delay_minutes" | "period_days" | "max_age_hours"

const toText = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value))

/**
 * One automation by its name for people ("Order confirmation — when an order is placed"), what it sent (last
 * 30 days, last text in the store's zone), switched on or off at once, its numbers (delay, and days or max
 * age where it has them) saved with the row's Save button. A number the API would refuse says at once what is
 * allowed, under the field.
 */
export const AutomationRow = ({ automation, timeZone }: { automation: AdminAutomation; timeZone?: string }) => {
  const { t } = useT()
  const format = useFormat()
  const name = t(`automations.names.${automation.key}`, { defaultValue: automation.key })
  const when = t(`automations.when.${automation.key}`, { defaultValue: automation.trigger })
  // two mutations of the same row: the switch and the Save button each show their own spinner
  const switching = useUpdateAutomation(automation.key)
  const saving = useUpdateAutomation(automation.key)
  const [values, setValues] = useState<Record<NumberField, string>>({
    delay_minutes: toText(automation.delay_minutes),
    period_days: toText(automation.period_days),
    max_age_hours: toText(automation.max_age_hours),
  })
  const [triedInvalid, setTriedInvalid] = useState(false)

  const fields: NumberField[] = [
    "delay_minutes",
    ...(automation.period_days !== null && automation.period_days !== undefined ? (["period_days"] as const) : []),
    ...(automation.max_age_hours !== null && automation.max_age_hours !== undefined ? (["max_age_hours"] as const) : []),
  ]
  const invalid = fields.filter((f) => !isValidAutomationNumber(f, values[f]))
  const changed = fields.filter((f) => values[f].trim() !== toText(automation[f]))

  const failed = (error: unknown) =>
    toast.error(problemsOf(error).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; "))

  const toggle = (enabled: boolean) =>
    switching.mutate(
      { enabled },
      {
        onSuccess: (saved) => toast.success(t(saved.enabled ? "automations.enabledToast" : "automations.disabledToast", { name })),
        onError: failed,
      }
    )

  const save = () => {
    if (invalid.length) {
      setTriedInvalid(true)
      return
    }
    const update: AutomationUpdate = {}
    for (const f of changed) update[f] = Number(values[f].trim())
    saving.mutate(update, {
      onSuccess: (saved) => {
        setValues({
          delay_minutes: toText(saved.delay_minutes),
          period_days: toText(saved.period_days),
          max_age_hours: toText(saved.max_age_hours),
        })
        toast.success(t("automations.savedToast", { name }))
      },
      onError: failed,
    })
  }

  return (
    <Table.Row data-testid="automation-row" data-key={automation.key}>
      <Table.Cell>
        <div className="flex flex-col py-2" style={{ maxWidth: 320 }}>
          <Text size="small" weight="plus" className="whitespace-normal" data-testid="automation-label">
            {name} — {when}
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            <code className="font-mono">{automation.key}</code> ·{" "}
            <code className="font-mono" data-testid="automation-trigger">{automation.trigger}</code>
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <Link
          to={`/settings/sms-rcs/templates?key=${encodeURIComponent(automation.template_key)}`}
          className="text-ui-fg-interactive txt-compact-small"
          data-testid="automation-template"
          data-key={automation.template_key}
        >
          {templateName(t, automation.template_key)}
        </Link>
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={automation.purpose === "marketing" ? "purple" : "green"}>
          {automation.purpose === "marketing" ? t("automations.table.marketing") : t("automations.table.transactional")}
        </Badge>
      </Table.Cell>
      <Table.Cell>
        <Text size="small" className="font-medium" data-testid="automation-sent">
          {format.number(automation.sent_last_30_days ?? 0)}
        </Text>
      </Table.Cell>
      <Table.Cell>
        <Text size="small" className="text-ui-fg-subtle" data-testid="automation-last-sent">
          {automation.last_sent_at ? format.dateTime(automation.last_sent_at, timeZone) : t("automations.table.never")}
        </Text>
      </Table.Cell>
      <Table.Cell>
        <Switch
          checked={automation.enabled}
          disabled={switching.isPending}
          onCheckedChange={toggle}
          aria-label={t("automations.enabledLabel", { name })}
          data-testid="automation-enabled"
        />
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col gap-y-1 py-2">
          <div className="flex flex-wrap items-end gap-2">
            {fields.map((f) => (
              <label key={f} className="flex flex-col gap-y-0.5">
                <Text size="xsmall" className="text-ui-fg-subtle">{t(`automations.fieldsOf.${automation.key}.${f}`, { defaultValue: t(`automations.fields.${f}`) })}</Text>
                <Input
                  size="small"
                  inputMode="numeric"
                  className="w-24"
                  value={values[f]}
                  maxLength={8}
                  onChange={(e) => setValues({ ...values, [f]: e.target.value })}
                  aria-invalid={invalid.includes(f)}
                  data-testid={`automation-${f.replace(/_/g, "-")}`}
                />
              </label>
            ))}
            <Button
              size="small"
              variant="secondary"
              type="button"
              onClick={save}
              isLoading={saving.isPending}
              disabled={!changed.length && !invalid.length}
              data-testid="automation-save"
            >
              {t("automations.save")}
            </Button>
          </div>
          {invalid.map((f) => (
            <Text key={f} size="xsmall" className="text-ui-fg-error" style={{ maxWidth: 280 }} data-testid={`automation-${f.replace(/_/g, "-")}-error`}>
              {t(`automations.invalid.${f}`, { max: format.number(AUTOMATION_LIMITS[f].max) })}
            </Text>
          ))}
          {triedInvalid && invalid.length > 0 && (
            <Text size="xsmall" className="text-ui-fg-error" data-testid="automation-fix-first">
              {t("automations.fixFirst")}
            </Text>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}
