/**
 * Pacing a campaign. Each message gets its own `send_after`: message n of the campaign is due at
 * start + n / rate. The worker never claims a message before that time, so the pace holds however many
 * workers run, across restarts (the number n is the campaign's planned count, stored with its cursor),
 * and a pause simply shifts what is left.
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

/**
 * How many messages to plan now so the queue holds about `horizonMs` of sending ahead: the fan-out job
 * plans pages ahead of the pace, never the whole campaign at once, so a slow campaign to a million
 * people keeps only minutes of jobs in Redis and a pause holds back few rows.
 */
export function plannedAhead(start: Date, planned: number, rate: number | null, now: Date, horizonMs: number): boolean {
  if (!rate) return false
  return dueAt(start, planned, rate).getTime() > now.getTime() + horizonMs
}
