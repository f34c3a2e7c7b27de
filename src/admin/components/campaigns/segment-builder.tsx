import { Button, Select, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import { isGroup, newRule, type SegmentGroup, type SegmentRule } from "../../lib/segment-fields"
import { SegmentRuleRow } from "./segment-rule-row"

/** Groups nest at most this deep (the API's limit): the deepest offers no "Add group". */
const MAX_DEPTH = 3

/**
 * The segment builder: rules combined with "all" (AND) or "any" (OR), and groups inside groups for
 * mixes such as "VIP AND (ordered twice OR spent 200)". No code: every field, operator and value is picked.
 */
export const SegmentBuilder = ({
  group,
  onChange,
  depth = 1,
  testId = "segment",
}: {
  group: SegmentGroup
  onChange: (group: SegmentGroup) => void
  depth?: number
  testId?: string
}) => {
  const { t } = useT()
  const setRule = (index: number, node: SegmentRule | SegmentGroup) =>
    onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? node : r)) })
  const remove = (index: number) => onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) })
  return (
    <div
      className={`flex flex-col gap-y-2 ${depth > 1 ? "rounded-md border border-ui-border-base bg-ui-bg-subtle p-3" : ""}`}
      data-testid={testId}
    >
      <div className="flex items-center gap-x-2">
        <Text size="small">{t("campaigns.segment.matching")}</Text>
        <div className="w-28">
          <Select value={group.match} onValueChange={(match) => onChange({ ...group, match: match as "all" | "any" })}>
            <Select.Trigger data-testid={`${testId}-match`}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{t("campaigns.segment.matchAll")}</Select.Item>
              <Select.Item value="any">{t("campaigns.segment.matchAny")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <Text size="small">{t("campaigns.segment.ofTheseRules")}</Text>
      </div>
      {group.rules.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("campaigns.segment.noRule")}
        </Text>
      )}
      {group.rules.map((node, i) =>
        isGroup(node) ? (
          <div key={i} className="flex items-start gap-x-2">
            <SegmentBuilder group={node} onChange={(g) => setRule(i, g)} depth={depth + 1} testId={`${testId}-${i}`} />
            <Button variant="transparent" size="small" onClick={() => remove(i)}>
              {t("campaigns.segment.removeGroup")}
            </Button>
          </div>
        ) : (
          <SegmentRuleRow key={i} rule={node} onChange={(r) => setRule(i, r)} onRemove={() => remove(i)} testId={`${testId}-rule-${i}`} />
        )
      )}
      <div className="flex gap-x-2">
        <Button variant="secondary" size="small" onClick={() => onChange({ ...group, rules: [...group.rules, newRule()] })} data-testid={`${testId}-add-rule`}>
          {t("campaigns.segment.addRule")}
        </Button>
        {depth < MAX_DEPTH && (
          <Button
            variant="secondary"
            size="small"
            onClick={() => onChange({ ...group, rules: [...group.rules, { match: "any", rules: [newRule()] }] })}
            data-testid={`${testId}-add-group`}
          >
            {t("campaigns.segment.addGroup")}
          </Button>
        )}
      </div>
    </div>
  )
}
