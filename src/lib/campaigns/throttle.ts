/**
 * Pacing a campaign. Each message gets its own `send_after`: message n of the campaign is due at
 * start + n / rate. The worker never claims a message before that time, so the pace holds however many
 * workers run, across restarts (the number n is the campaign's planned count, stored with its cursor),
 * and a pause simply shifts what is left. The queue is fed only the messages due in the next minutes
 * (campaign-store.ts `feedPage`), so Redis holds a window of the campaign, never all of it.
 */

export type Throttle = { per_second: number } | { spread_minutes: number } | null

/** Messages per second, or null for "as fast as the provider's rate limit allows". */
export function ratePerSecond(throttle: Throttle, audience: number): number | null {
  if (!throttle) return null
  if ("per_second" in throttle) return throttle.per_second
  return Math.max(audience, 1) / (throttle.spread_minutes * 60)
}

/** When the `seq`-th message (0-based) of a campaign that started at `start` is due. */
export function dueAt(start: Date, seq: number, rate: number | null): Date {
  if (!rate) return start
  return new Date(start.getTime() + Math.floor((seq / rate) * 1000))
}
