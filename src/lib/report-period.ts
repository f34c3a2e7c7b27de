/**
 * The longest period a report or a recompute covers in one request. Past it, one query reads years of
 * messages (or one request re-attributes every order ever placed): the admin asks in parts instead.
 */
export const MAX_REPORT_PERIOD_DAYS = 400

const DAY_MS = 86_400_000

/** What is wrong with a period, for a 400, or null. */
export function periodProblem(from: Date, to: Date): string | null {
  if (from.getTime() >= to.getTime()) return '"from" must be before "to"'
  if (to.getTime() - from.getTime() > MAX_REPORT_PERIOD_DAYS * DAY_MS) {
    return `the period is at most ${MAX_REPORT_PERIOD_DAYS} days (this one is ${Math.ceil((to.getTime() - from.getTime()) / DAY_MS)}): ask for it in parts`
  }
  return null
}
