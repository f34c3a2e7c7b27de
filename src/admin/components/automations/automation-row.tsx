import { Badge, Button, Input, Switch, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { problemsOf } from "../../lib/api"
import { useUpdateAutomation, type AdminAutomation, type AutomationUpdate } from "../../lib/automations"

type NumberField = "delay_minutes" | "period_days" | "max_age_hours"

const LABELS: Record<NumberField, string> = {
  delay_minutes: "Delay (minutes)",
  period_days: "Days",
  max_age_hours: "Max age (hours)",
}

const toText = (value: number | null) => (value === null || value === undefined ? "" : String(value))

/**
 * One automation: switched on or off at once, its numbers (delay, and days or max age where it has them)
 * saved with the row's Save button.
 */
export const AutomationRow = ({ automation }: { automation: AdminAutomation }) => {
  // two mutations of the same row: the switch and the Save button each show their own spinner
  const switching = useUpdateAutomation(automation.key)
  const saving = useUpdateAutomation(automation.key)
  const [values, setValues] = useState<Record<NumberField, string>>({
    delay_minutes: toText(automation.delay_minutes),
    period_days: toText(automation.period_days),
    max_age_hours: toText(automation.max_age_hours),
  })

  const fields: NumberField[] = [
    "delay_minutes",
    ...(automation.period_days !== null && automation.period_days !== undefined ? (["period_days"] as const) : []),
    ...(automation.max_age_hours !== null && automation.max_age_hours !== undefined ? (["max_age_hours"] as const) : []),
  ]
  const invalid = fields.filter((f) => !/^\d+$/.test(values[f].trim()))
  const changed = fields.filter((f) => values[f].trim() !== toText(automation[f]))

  const failed = (error: unknown) =>
    toast.error(problemsOf(error).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; "))

  const toggle = (enabled: boolean) =>
    switching.mutate(
      { enabled },
      { onSuccess: (saved) => toast.success(`${automation.key} ${saved.enabled ? "enabled" : "disabled"}`), onError: failed }
    )

  const save = () => {
    const update: AutomationUpdate = {}
    for (const f of changed) update[f] = Number(values[f].trim())
    saving.mutate(update, {
      onSuccess: (saved) => {
        setValues({
          delay_minutes: toText(saved.delay_minutes),
          period_days: toText(saved.period_days),
          max_age_hours: toText(saved.max_age_hours),
        })
        toast.success(`${automation.key} saved`)
      },
      onError: failed,
    })
  }

  return (
    <Table.Row data-testid="automation-row" data-key={automation.key}>
      <Table.Cell>
        <div className="flex flex-col">
          <code className="font-mono text-xs font-medium">{automation.key}</code>
          <Text size="xsmall" className="text-ui-fg-subtle">
            on <code className="font-mono" data-testid="automation-trigger">{automation.trigger}</code>
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <Link
          to={`/settings/sms-rcs/templates?key=${encodeURIComponent(automation.template_key)}`}
          className="font-mono text-xs text-ui-fg-interactive"
          data-testid="automation-template"
        >
          {automation.template_key}
        </Link>
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={automation.purpose === "marketing" ? "purple" : "green"}>
          {automation.purpose}
        </Badge>
      </Table.Cell>
      <Table.Cell>
        <Switch
          checked={automation.enabled}
          disabled={switching.isPending}
          onCheckedChange={toggle}
          aria-label={`${automation.key} enabled`}
          data-testid="automation-enabled"
        />
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-wrap items-end gap-2 py-2">
          {fields.map((f) => (
            <label key={f} className="flex flex-col gap-y-0.5">
              <Text size="xsmall" className="text-ui-fg-subtle">{LABELS[f]}</Text>
              <Input
                size="small"
                type="number"
                min={f === "delay_minutes" ? 0 : 1}
                step={1}
                className="w-24"
                value={values[f]}
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
            disabled={!changed.length || invalid.length > 0}
            data-testid="automation-save"
          >
            Save
          </Button>
        </div>
      </Table.Cell>
    </Table.Row>
  )
}
