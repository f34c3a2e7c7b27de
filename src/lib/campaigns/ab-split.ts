/**
 * A/B variants: who gets which text, and which text won. Assignment is a pure function of the campaign
 * and the phone, so a fan-out that restarts, or runs its second phase after the test, puts everyone in
 * the same place again without remembering anything.
 */

export const MAX_VARIANTS = 5
/** Buckets per audience: percentages with two decimals. */
export const BUCKETS = 10_000

export type VariantWeight = { id: string; weight: number }

export type AbTest = {
  /** Percent of the audience that receives the variants first (e.g. 20); the rest gets the winner. */
  test_share: number
  metric: "revenue_per_message" | "ctr"
  /** How long after the test group was sent the winner is picked. */
  decide_after_hours: number
}

/** FNV-1a, 32 bits: stable across processes and versions (unlike a seeded hash), and fast. */
export function bucketOf(campaignId: string, recipient: string): number {
  let hash = 0x811c9dc5
  const key = `${campaignId}:${recipient}`
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % BUCKETS
}

/** The variant whose share of [0, BUCKETS) holds `position`, weights taken relative to their sum. */
function byWeight(variants: readonly VariantWeight[], position: number): string {
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  let edge = 0
  for (const variant of variants) {
    edge += (variant.weight / total) * BUCKETS
    if (position < edge) return variant.id
  }
  return variants[variants.length - 1].id
}

/**
 * Which variant a bucket receives: by the weights when there is no test; with a test, the first
 * `test_share` % of buckets is split between the variants by their weights, and the rest is `"rest"`
 * (it waits for the winner).
 */
export function variantForBucket(bucket: number, variants: readonly VariantWeight[], abTest: AbTest | null): string | "rest" {
  if (!abTest) {
    return byWeight(variants, bucket)
  }
  const testBuckets = (abTest.test_share / 100) * BUCKETS
  if (bucket >= testBuckets) {
    return "rest"
  }
  return byWeight(variants, (bucket / testBuckets) * BUCKETS)
}

export type VariantResult = { variant: string; sent: number; delivered: number; unique_clicks: number; revenue: number }

/** The metric a variant is judged on: revenue per message sent, or unique clicks per delivered message. */
export function variantScore(result: VariantResult, metric: AbTest["metric"]): number {
  if (metric === "ctr") {
    return result.delivered ? result.unique_clicks / result.delivered : 0
  }
  return result.sent ? result.revenue / result.sent : 0
}

/**
 * The winning variant: the best score; on a tie the other metric decides, then the variant listed first
 * (the admin's own order), so a test without any click or order still ends, with the first variant.
 */
export function pickWinner(variantIds: readonly string[], results: readonly VariantResult[], metric: AbTest["metric"]): string {
  const other = metric === "ctr" ? "revenue_per_message" : "ctr"
  const empty = (variant: string): VariantResult => ({ variant, sent: 0, delivered: 0, unique_clicks: 0, revenue: 0 })
  const scored = variantIds.map((id, order) => {
    const result = results.find((r) => r.variant === id) ?? empty(id)
    return { id, order, main: variantScore(result, metric), second: variantScore(result, other) }
  })
  scored.sort((a, b) => b.main - a.main || b.second - a.second || a.order - b.order)
  return scored[0].id
}

/** Problems with a variant list and its split, for the API's 400 and the builder. */
export function splitProblems(variants: readonly VariantWeight[], abTest: AbTest | null): string[] {
  const problems: string[] = []
  if (!variants.length || variants.length > MAX_VARIANTS) {
    problems.push(`variants: between 1 and ${MAX_VARIANTS}`)
  }
  const ids = variants.map((v) => v.id)
  if (new Set(ids).size !== ids.length) {
    problems.push("variants: ids must differ")
  }
  if (variants.some((v) => !(v.weight > 0))) {
    problems.push("variants: every weight must be above 0")
  }
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  if (!abTest && variants.length && Math.abs(total - 100) > 0.001) {
    problems.push(`variants: the split must add up to 100 % (it adds up to ${Math.round(total * 100) / 100} %)`)
  }
  if (abTest && variants.length < 2) {
    problems.push("ab_test: a test needs at least 2 variants")
  }
  return problems
}
