import { Button, Input, Select, Switch, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import { emptyValue, kindOf, newRule, SEGMENT_FIELD_SPECS, type SegmentRule } from "../../lib/segment-fields"
import { hasIdPicker, SegmentIdPicker } from "./segment-id-picker"

/** One rule of the segment builder: field, operator and a value input of the field's kind. */
export const SegmentRuleRow = ({
  rule,
  onChange,
  onRemove,
  testId,
}: {
  rule: SegmentRule
  onChange: (rule: SegmentRule) => void
  onRemove: () => void
  testId: string
}) => {
  const { t } = useT()
  const spec = SEGMENT_FIELD_SPECS[rule.field]
  const kind = kindOf(rule)
  const setOperator = (operator: string) => {
    const next = spec.operators.find((o) => o.value === operator)!
    onChange({ ...rule, operator, value: next.kind === kind ? rule.value : emptyValue(next.kind) })
  }
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={testId}>
      <div className="w-56">
        <Select value={rule.field} onValueChange={(field) => onChange(newRule(field))}>
          <Select.Trigger data-testid={`${testId}-field`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(SEGMENT_FIELD_SPECS).map(([value, f]) => (
              <Select.Item key={value} value={value}>
                {t(`campaigns.segment.fields.${value}`, { defaultValue: f.label })}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="w-48">
        <Select value={rule.operator} onValueChange={setOperator}>
          <Select.Trigger data-testid={`${testId}-operator`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {spec.operators.map((o) => (
              <Select.Item key={o.value} value={o.value}>
                {t(`campaigns.segment.operators.${o.value}`, { defaultValue: o.label })}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="min-w-[160px] flex-1">
        {kind === "list" && hasIdPicker(rule.field) && (
          <SegmentIdPicker field={rule.field} value={rule.value as string[]} onChange={(value) => onChange({ ...rule, value })} testId={`${testId}-value`} />
        )}
        {kind === "list" && !hasIdPicker(rule.field) && (
          <Input
            data-testid={`${testId}-value`}
            placeholder={spec.hint ?? t("campaigns.segment.listPlaceholder")}
            value={(rule.value as string[]).join(", ")}
            onChange={(e) =>
              onChange({ ...rule, value: e.target.value.split(",").map((v) => v.trim()).filter((v, i, all) => v || i === all.length - 1) })
            }
          />
        )}
        {(kind === "number" || kind === "days") && (
          <Input
            data-testid={`${testId}-value`}
            type="number"
            min={kind === "days" ? 1 : 0}
            value={String(rule.value)}
            onChange={(e) => onChange({ ...rule, value: e.target.value === "" ? 0 : Number(e.target.value) })}
          />
        )}
        {kind === "date" && (
          <Input data-testid={`${testId}-value`} type="date" value={String(rule.value)} onChange={(e) => onChange({ ...rule, value: e.target.value })} />
        )}
        {kind === "boolean" && (
          <div className="flex items-center gap-x-2">
            <Switch data-testid={`${testId}-value`} checked={rule.value === true} onCheckedChange={(v) => onChange({ ...rule, value: v })} />
            <Text size="small">{rule.value ? t("campaigns.segment.yes") : t("campaigns.segment.no")}</Text>
          </div>
        )}
      </div>
      <Button variant="transparent" size="small" onClick={onRemove} data-testid={`${testId}-remove`}>
        {t("campaigns.segment.remove")}
      </Button>
    </div>
  )
}
