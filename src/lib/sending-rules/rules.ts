import { DEFAULT_MARKETING_RULES, type MarketingRule } from "./quiet-hours"

export type QuietHoursOverrides = Record<
  string,
  {
    days?: number[]
    start?: string
    end?: string
    holidays?: "FR" | null
    maxPer24h?: number | null
  }
>

/** The shipped rules with a store's overrides laid over them, region by region. */
export function marketingRules(overrides: QuietHoursOverrides = {}): Record<string, MarketingRule> {
  const rules: Record<string, MarketingRule> = { ...DEFAULT_MARKETING_RULES }
  for (const [region, change] of Object.entries(overrides)) {
    const base = rules[region] ?? rules.default
    const window = { ...base.window }
    if (change.days) window.days = change.days
    if (change.start) window.start = change.start
    if (change.end) window.end = change.end
    if (change.holidays !== undefined) window.holidays = change.holidays ?? undefined
    if (window.start >= window.end) {
      throw new Error(`quietHours.${region}: the window must start before it ends (${window.start}–${window.end})`)
    }
    const maxPer24h = change.maxPer24h === undefined ? base.maxPer24h : change.maxPer24h ?? undefined
    rules[region] = { window, ...(maxPer24h ? { maxPer24h } : {}) }
  }
  return rules
}
