import { Button, Input, Label, Text } from "@medusajs/ui"
import { MAX_PERIOD_DAYS, PERIOD_PRESETS, periodProblem, presetPeriod, useAnalyticsFormat, type AnalyticsPeriod, type PeriodPreset } from "../../lib/analytics"
import { useT } from "../../lib/i18n"

/**
 * The period of the analytics page: the last 7, 30 or 90 days or this month in one click, or any two dates.
 * Days are the store's (`timeZone`), as the API counts them; the hint names the zone, so an owner who
 * travels, or a shop far from its admin, reads the edges of the period right.
 */
export const AnalyticsPeriodFilter = ({
  period,
  timeZone,
  onChange,
}: {
  period: AnalyticsPeriod
  timeZone: string
  /** Given an update of the latest period, not of the one rendered: two quick edits both count. */
  onChange: (update: AnalyticsPeriod | ((current: AnalyticsPeriod) => AnalyticsPeriod)) => void
}) => {
  const { t } = useT()
  const format = useAnalyticsFormat()
  const problem = periodProblem(period)
  // every preset that is this period is pressed (on the 7th, "7 days" and "This month" are the same days)
  const isActive = (preset: PeriodPreset) => {
    const p = presetPeriod(preset, timeZone)
    return p.from === period.from && p.to === period.to
  }
  return (
    <div className="flex flex-col gap-y-2" data-testid="analytics-period">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex items-center gap-x-1" role="group" aria-label={t("analytics.period.presetsLabel")}>
          {PERIOD_PRESETS.map((preset) => (
            <Button
              key={preset}
              size="small"
              type="button"
              variant={isActive(preset) ? "primary" : "secondary"}
              aria-pressed={isActive(preset)}
              onClick={() => onChange(presetPeriod(preset, timeZone))}
              data-testid={`analytics-preset-${preset}`}
            >
              {preset === "month" ? t("analytics.period.thisMonth") : t("analytics.period.lastDays", { count: preset })}
            </Button>
          ))}
        </div>
        <label className="flex flex-col gap-y-0.5">
          <Label size="xsmall" className="text-ui-fg-subtle">{t("analytics.period.from")}</Label>
          <Input
            size="small"
            type="date"
            value={period.from}
            max={period.to || undefined}
            onChange={(e) => {
              const from = e.target.value
              onChange((current) => ({ ...current, from }))
            }}
            aria-invalid={problem === "order"}
            data-testid="analytics-from"
          />
        </label>
        <label className="flex flex-col gap-y-0.5">
          <Label size="xsmall" className="text-ui-fg-subtle">{t("analytics.period.to")}</Label>
          <Input
            size="small"
            type="date"
            value={period.to}
            min={period.from || undefined}
            onChange={(e) => {
              const to = e.target.value
              onChange((current) => ({ ...current, to }))
            }}
            aria-invalid={problem === "order"}
            data-testid="analytics-to"
          />
        </label>
      </div>
      {problem ? (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="analytics-period-problem">
          {t(`analytics.period.problems.${problem}`, { max: MAX_PERIOD_DAYS })}
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="analytics-period-hint" data-time-zone={timeZone}>
          {t("analytics.period.hint", { from: format.day(period.from), to: format.day(period.to), zone: timeZone })}
        </Text>
      )}
    </div>
  )
}
