/**
 * Incrementality: what an automation or a campaign caused, measured against the recipients it held back.
 * Pure functions (no I/O, no clock, a seeded random generator), so every figure is reproducible and
 * unit-tested against values computed by hand or by R.
 */

/**
 * Below this many recipients in either group, the figures are shown but no interval nor lift: a
 * z-test's normal approximation and a bootstrap on fewer than ~30 observations say more about chance
 * than about the message (the usual rule of thumb for the central limit theorem).
 */
export const MIN_RECIPIENTS_PER_GROUP = 30

/** Bootstrap resamples: enough for a stable 95 % percentile interval, cheap enough to run per request. */
export const BOOTSTRAP_RESAMPLES = 1000

/** Fixed seed: the same history always gives the same interval (a report must not move on reload). */
export const BOOTSTRAP_SEED = 20_261_203

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054

/** A group's recipients: how many, and those who bought (their order count and revenue); the rest bought nothing. */
export type GroupOutcome = {
  recipients: number
  buyers: readonly { orders: number; revenue: number }[]
}

export type Interval = { low: number; high: number }

export type ConversionTest = {
  /** p treated − p held out. */
  difference: number
  z: number
  /** Two-sided. */
  p_value: number
  /** 95 % Wald interval of the difference (unpooled standard error). */
  interval: Interval
}

export type IncrementalityFigures = {
  treated: GroupFigures
  held_out: GroupFigures
  /** "enough" when both groups have MIN_RECIPIENTS_PER_GROUP; otherwise intervals and lifts are null. */
  status: "enough_data" | "not_enough_data"
  /** (rev/recipient treated − rev/recipient held out) × treated recipients. */
  incremental_revenue: number
  incremental_revenue_interval: Interval | null
  /** Relative uplift of conversion, (p treated − p held) ÷ p held; null when p held is 0 or data is short. */
  conversion_lift: number | null
  conversion_test: ConversionTest | null
  /** Relative uplift of revenue per recipient; null when the held-out group spent nothing or data is short. */
  revenue_lift: number | null
  /** 95 % bootstrap interval of (rev/recipient treated − rev/recipient held out). */
  revenue_per_recipient_difference_interval: Interval | null
}

export type GroupFigures = {
  recipients: number
  /** Recipients with at least one order in the window. */
  converted: number
  orders: number
  revenue: number
  /** converted ÷ recipients. */
  conversion_rate: number | null
  /** orders ÷ recipients. */
  orders_per_recipient: number | null
  revenue_per_recipient: number | null
}

export function groupFigures(group: GroupOutcome): GroupFigures {
  const converted = group.buyers.filter((b) => b.orders > 0).length
  const orders = group.buyers.reduce((sum, b) => sum + b.orders, 0)
  const revenue = group.buyers.reduce((sum, b) => sum + b.revenue, 0)
  const n = group.recipients
  return {
    recipients: n,
    converted,
    orders,
    revenue,
    conversion_rate: n ? converted / n : null,
    orders_per_recipient: n ? orders / n : null,
    revenue_per_recipient: n ? revenue / n : null,
  }
}

/** Φ, the standard normal CDF, by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2))
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(x * x) / 2)
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

/**
 * Two-proportion z-test of x1/n1 against x2/n2: z with the pooled standard error (the test of "no
 * difference"), the interval with the unpooled one (the difference's own spread). Null without both groups.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ConversionTest | null {
  if (n1 <= 0 || n2 <= 0) return null
  const p1 = x1 / n1
  const p2 = x2 / n2
  const pooled = (x1 + x2) / (n1 + n2)
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const difference = p1 - p2
  const z = sePooled > 0 ? difference / sePooled : 0
  return {
    difference,
    z,
    p_value: sePooled > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1,
    interval: { low: difference - Z_95 * se, high: difference + Z_95 * se },
  }
}

/** mulberry32: a small, fast, seeded generator in [0, 1); the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Mean of a resample of `group` (n draws with replacement), linear in n: a draw past the buyers is a
 * recipient who bought nothing, so the zeros need not be materialised.
 */
function resampledMean(group: GroupOutcome, random: () => number): number {
  const n = group.recipients
  let sum = 0
  for (let i = 0; i < n; i++) {
    const index = Math.floor(random() * n)
    if (index < group.buyers.length) sum += group.buyers[index].revenue
  }
  return sum / n
}

/** The q-quantile of sorted values, linear interpolation between closest ranks (R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below)
}

/**
 * 95 % percentile-bootstrap interval of (mean revenue treated − mean revenue held out): each resample
 * redraws both groups with replacement, keeping their sizes.
 */
export function bootstrapRevenueDifference(
  treated: GroupOutcome,
  heldOut: GroupOutcome,
  { resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED } = {}
): Interval | null {
  if (treated.recipients <= 0 || heldOut.recipients <= 0) return null
  const random = seededRandom(seed)
  const differences: number[] = []
  for (let i = 0; i < resamples; i++) {
    differences.push(resampledMean(treated, random) - resampledMean(heldOut, random))
  }
  differences.sort((a, b) => a - b)
  return { low: quantile(differences, 0.025), high: quantile(differences, 0.975) }
}

/** Every figure of one automation or campaign (or one of its channels), treated against held out. */
export function incrementality(treated: GroupOutcome, heldOut: GroupOutcome, options?: { resamples?: number; seed?: number }): IncrementalityFigures {
  const t = groupFigures(treated)
  const h = groupFigures(heldOut)
  const rprDifference = (t.revenue_per_recipient ?? 0) - (h.revenue_per_recipient ?? 0)
  const incremental_revenue = h.recipients && t.recipients ? rprDifference * t.recipients : 0
  const enough = t.recipients >= MIN_RECIPIENTS_PER_GROUP && h.recipients >= MIN_RECIPIENTS_PER_GROUP
  if (!enough) {
    return {
      treated: t,
      held_out: h,
      status: "not_enough_data",
      incremental_revenue,
      incremental_revenue_interval: null,
      conversion_lift: null,
      conversion_test: null,
      revenue_lift: null,
      revenue_per_recipient_difference_interval: null,
    }
  }
  const interval = bootstrapRevenueDifference(treated, heldOut, options)
  return {
    treated: t,
    held_out: h,
    status: "enough_data",
    incremental_revenue,
    incremental_revenue_interval: interval && { low: interval.low * t.recipients, high: interval.high * t.recipients },
    conversion_lift: h.conversion_rate ? (t.conversion_rate! - h.conversion_rate) / h.conversion_rate : null,
    conversion_test: twoProportionTest(t.converted, t.recipients, h.converted, h.recipients),
    revenue_lift: h.revenue_per_recipient ? rprDifference / h.revenue_per_recipient : null,
    revenue_per_recipient_difference_interval: interval,
  }
}
