import { Button, Container, Heading, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useState } from "react"
import { useSegmentCount, type AbTest, type CampaignInput, type CampaignVariant, type Throttle } from "../../lib/campaigns"
import { useFormat, useT } from "../../lib/i18n"
import type { SegmentGroup } from "../../lib/segment-fields"
import { CampaignVariantCard } from "./campaign-variant-card"
import { SegmentBuilder } from "./segment-builder"

export type CampaignDraft = Omit<CampaignInput, "segment_id"> & { segment_name: string; definition: SegmentGroup }

const VARIANT_IDS = ["a", "b", "c", "d", "e"]
/** As the API accepts it: past half, the held-out group would be the larger one. */
const MAX_HOLDOUT_PERCENT = 50
const DEFAULT_TEST: AbTest = { test_share: 20, metric: "revenue_per_message", decide_after_hours: 4 }

/** A new campaign: one variant, named in the admin's language ("Variant A", "Variante A"). */
export const emptyCampaignDraft = (variantName: string): CampaignDraft => ({
  name: "",
  segment_name: "",
  definition: { match: "all", rules: [] },
  variants: [{ id: "a", name: variantName, weight: 100, sms_body: "" }],
  ab_test: null,
  throttle: null,
  holdout_percent: 0,
})

/** Even shares adding up to 100 (the last takes the rounding). */
const evenWeights = (variants: CampaignVariant[]) =>
  variants.map((v, i) => ({ ...v, weight: i === variants.length - 1 ? 100 - Math.floor(100 / variants.length) * (variants.length - 1) : Math.floor(100 / variants.length) }))

/**
 * The campaign builder: who (the segment, with its live count), what (1–5 variants with preview and
 * cost, or an A/B test on a share whose winner goes to the rest), and how fast (a throttle).
 */
export const CampaignBuilder = ({
  draft,
  onChange,
  variantProblems = {},
}: {
  draft: CampaignDraft
  onChange: (draft: CampaignDraft) => void
  /** The last save's problems per variant index, in the owner's language. */
  variantProblems?: Record<number, string[]>
}) => {
  const { t } = useT()
  const format = useFormat()
  const count = useSegmentCount(draft.definition)
  const [throttleKind, setThrottleKind] = useState<"none" | "per_second" | "spread">(
    !draft.throttle ? "none" : "per_second" in draft.throttle ? "per_second" : "spread"
  )
  const set = (patch: Partial<CampaignDraft>) => onChange({ ...draft, ...patch })
  const setVariant = (i: number, v: CampaignVariant) => set({ variants: draft.variants.map((x, j) => (j === i ? v : x)) })
  const setThrottle = (kind: typeof throttleKind, value?: number) => {
    setThrottleKind(kind)
    const throttle: Throttle = kind === "none" ? null : kind === "per_second" ? { per_second: value ?? 10 } : { spread_minutes: value ?? 60 }
    set({ throttle })
  }
  const weightTotal = draft.variants.reduce((n, v) => n + v.weight, 0)

  return (
    <div className="flex flex-col gap-y-3" data-testid="campaign-builder">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("campaigns.builder.name")}</Label>
          <Input value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder={t("campaigns.builder.namePlaceholder")} data-testid="campaign-name" />
        </div>
      </Container>

      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-segment">
        <div className="flex items-start justify-between gap-2">
          <div>
            <Heading level="h2">{t("campaigns.builder.who")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">{t("campaigns.builder.whoIntro")}</Text>
          </div>
          <Text size="small" data-testid="segment-count" aria-busy={count.loading}>
            {count.error ? (
              <span className="text-ui-fg-error" data-testid="segment-count-error">{count.error}</span>
            ) : (
              <>
                <span className="text-ui-fg-subtle">{t("campaigns.builder.eligibleNow")} </span>
                <span className="font-medium" data-testid="segment-count-value">{count.count === null ? "…" : format.number(count.count)}</span>
              </>
            )}
          </Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("campaigns.builder.segmentName")}</Label>
          <Input value={draft.segment_name} onChange={(e) => set({ segment_name: e.target.value })} placeholder={t("campaigns.builder.segmentNamePlaceholder")} data-testid="segment-name" />
        </div>
        <SegmentBuilder group={draft.definition} onChange={(definition) => set({ definition })} />
      </Container>

      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-variants">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Heading level="h2">{t("campaigns.builder.what")}</Heading>
          <div className="flex items-center gap-x-2">
            <Switch
              checked={!!draft.ab_test}
              onCheckedChange={(on) => set({ ab_test: on ? DEFAULT_TEST : null, variants: evenWeights(draft.variants) })}
              data-testid="ab-test-switch"
            />
            <Text size="small">{t("campaigns.builder.abSwitch")}</Text>
          </div>
        </div>
        {draft.ab_test && (
          <div className="flex flex-wrap items-end gap-3" data-testid="ab-test-settings">
            <div className="flex w-32 flex-col gap-y-1">
              <Label size="small">{t("campaigns.builder.testShare")}</Label>
              <Input type="number" min={1} max={50} value={String(draft.ab_test.test_share)} onChange={(e) => set({ ab_test: { ...draft.ab_test!, test_share: Number(e.target.value) } })} data-testid="ab-test-share" />
            </div>
            <div className="flex w-56 flex-col gap-y-1">
              <Label size="small">{t("campaigns.builder.winnerBy")}</Label>
              <Select value={draft.ab_test.metric} onValueChange={(metric) => set({ ab_test: { ...draft.ab_test!, metric: metric as AbTest["metric"] } })}>
                <Select.Trigger data-testid="ab-test-metric">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="revenue_per_message">{t("campaigns.builder.metricRevenue")}</Select.Item>
                  <Select.Item value="ctr">{t("campaigns.builder.metricCtr")}</Select.Item>
                </Select.Content>
              </Select>
            </div>
            <div className="flex w-40 flex-col gap-y-1">
              <Label size="small">{t("campaigns.builder.decideAfter")}</Label>
              <Input type="number" min={0} max={168} value={String(draft.ab_test.decide_after_hours)} onChange={(e) => set({ ab_test: { ...draft.ab_test!, decide_after_hours: Number(e.target.value) } })} data-testid="ab-test-hours" />
            </div>
          </div>
        )}
        {draft.variants.map((v, i) => (
          <CampaignVariantCard
            key={v.id}
            variant={v}
            index={i}
            weightLabel={draft.ab_test ? t("campaigns.builder.shareOfTest") : t("campaigns.builder.share")}
            problems={variantProblems[i]}
            onChange={(next) => setVariant(i, next)}
            onRemove={draft.variants.length > 1 ? () => set({ variants: evenWeights(draft.variants.filter((_, j) => j !== i)) }) : undefined}
          />
        ))}
        <div className="flex items-center gap-x-3">
          {draft.variants.length < VARIANT_IDS.length && (
            <Button
              variant="secondary"
              size="small"
              data-testid="add-variant"
              onClick={() => {
                const id = VARIANT_IDS.find((x) => !draft.variants.some((v) => v.id === x))!
                set({ variants: evenWeights([...draft.variants, { id, name: t("campaigns.builder.variantName", { id: id.toUpperCase() }), weight: 0, sms_body: "" }]) })
              }}
            >
              {t("campaigns.builder.addVariant")}
            </Button>
          )}
          {!draft.ab_test && weightTotal !== 100 && (
            <Text size="small" className="text-ui-fg-error" data-testid="weights-warning">
              {t("campaigns.builder.weightsWarning", { total: format.number(weightTotal, 2) })}
            </Text>
          )}
        </div>
      </Container>

      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="campaign-throttle">
        <Heading level="h2">{t("campaigns.builder.howFast")}</Heading>
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-64">
            <Select value={throttleKind} onValueChange={(k) => setThrottle(k as typeof throttleKind)}>
              <Select.Trigger data-testid="throttle-kind">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="none">{t("campaigns.builder.throttleNone")}</Select.Item>
                <Select.Item value="per_second">{t("campaigns.builder.throttlePerSecond")}</Select.Item>
                <Select.Item value="spread">{t("campaigns.builder.throttleSpread")}</Select.Item>
              </Select.Content>
            </Select>
          </div>
          {throttleKind !== "none" && (
            <div className="flex w-40 flex-col gap-y-1">
              <Label size="small">{throttleKind === "per_second" ? t("campaigns.builder.perSecond") : t("campaigns.builder.minutes")}</Label>
              <Input
                type="number"
                min={1}
                value={String(draft.throttle ? ("per_second" in draft.throttle ? draft.throttle.per_second : draft.throttle.spread_minutes) : "")}
                onChange={(e) => setThrottle(throttleKind, Number(e.target.value))}
                data-testid="throttle-value"
              />
            </div>
          )}
        </div>
        <Text size="xsmall" className="text-ui-fg-muted">{t("campaigns.builder.quietHours")}</Text>
      </Container>

      <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="campaign-holdout">
        <Heading level="h2">{t("campaigns.builder.holdoutTitle")}</Heading>
        <div className="flex w-40 flex-col gap-y-1">
          <Label size="small">{t("campaigns.builder.holdoutPercent")}</Label>
          <Input
            type="number"
            min={0}
            max={MAX_HOLDOUT_PERCENT}
            step={1}
            value={String(draft.holdout_percent ?? 0)}
            onChange={(e) => set({ holdout_percent: Math.min(MAX_HOLDOUT_PERCENT, Math.max(0, Number(e.target.value) || 0)) })}
            data-testid="campaign-holdout-percent"
          />
        </div>
        <Text size="xsmall" className="text-ui-fg-muted">{t("campaigns.builder.holdoutHint", { max: MAX_HOLDOUT_PERCENT })}</Text>
      </Container>
    </div>
  )
}
