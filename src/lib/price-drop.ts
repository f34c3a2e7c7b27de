/**
 * Price drops: the default threshold and look-back, and how far a price went down. Kept apart from the
 * passes so the arithmetic is tested on its own.
 */

/** A drop smaller than this (in percent of the price before) is not worth a text: a rounding, a 5 % nudge. */
export const DEFAULT_MIN_DROP_PERCENT = 10
/** At most one price-drop text per phone per this many days, whatever number of variants got cheaper. */
export const PRICE_DROP_TEXT_EVERY_DAYS = 7

/** The drop from `before` to `now`, in percent of `before` (0 when the price did not go down). */
export function dropPercent(before: number, now: number): number {
  if (!(before > 0) || !(now < before)) return 0
  return ((before - now) / before) * 100
}

/** Whether a change from `before` to `now` is a drop worth announcing (a tiny epsilon against float noise). */
export function isPriceDrop(before: number, now: number, minDropPercent: number): boolean {
  return dropPercent(before, now) + 1e-9 >= minDropPercent
}
