import { Button, Input, Label, Text } from "@medusajs/ui"
import { PERIOD_PRESETS, periodProblem, presetOf, presetPeriod, type AnalyticsPeriod } from "../../lib/analytics"

/**
 * The period of the analytics page: the last 7, 30 or 90 days in one click, or any two dates. Days are UTC
 * days (see `presetPeriod`), which the hint says so a shop far from UTC is not surprised by the edges.
 */
export const AnalyticsPeriodFilter = ({
  period,
  onChange,
}: {
  period: AnalyticsPeriod
  /** Given an update of the latest period, not of the one rendered: two quick edits both count. */
  onChange: (update: AnalyticsPeriod | ((current: AnalyticsPeriod) => AnalyticsPeriod)) => void
}) => {
  const active = presetOf(period)
  const problem = periodProblem(period)
  return (
    <div className="flex flex-col gap-y-2" data-testid="analytics-period">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex items-center gap-x-1" role="group" aria-label="Period presets">
          {PERIOD_PRESETS.map((days) => (
            <Button
              key={days}
              size="small"
              type="button"
              variant={active === days ? "primary" : "secondary"}
              aria-pressed={active === days}
              onClick={() => onChange(presetPeriod(days))}
              data-testid={`analytics-preset-${days}`}
            >
              {days} days
            </Button>
          ))}
        </div>
        <label className="flex flex-col gap-y-0.5">
          <Label size="xsmall" className="text-ui-fg-subtle">From</Label>
          <Input
            size="small"
            type="date"
            value={period.from}
            max={period.to || undefined}
            onChange={(e) => {
              const from = e.target.value
              onChange((current) => ({ ...current, from }))
            }}
            aria-invalid={!!problem && period.from > period.to}
            data-testid="analytics-from"
          />
        </label>
        <label className="flex flex-col gap-y-0.5">
          <Label size="xsmall" className="text-ui-fg-subtle">To</Label>
          <Input
            size="small"
            type="date"
            value={period.to}
            min={period.from || undefined}
            onChange={(e) => {
              const to = e.target.value
              onChange((current) => ({ ...current, to }))
            }}
            aria-invalid={!!problem && period.from > period.to}
            data-testid="analytics-to"
          />
        </label>
      </div>
      {problem ? (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="analytics-period-problem">
          {problem}
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          Messages sent from {period.from} to {period.to} included (UTC days), with the orders they drove.
        </Text>
      )}
    </div>
  )
}
