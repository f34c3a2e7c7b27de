import { createHash } from "node:crypto"

/** The largest share of an audience a store may hold back: past half, the "treated" group is the control. */
export const MAX_HOLDOUT_PERCENT = 50

/** Held-out messages are recorded with this reason prefix (`holdout: 10 % of win_back`). */
export const HOLDOUT_REASON = "holdout"

/**
 * Whether `phone` is in the held-out share of `scope` (an automation key or a campaign id): the first
 * 8 hex digits of sha256("<scope>:<phone>") mod 10 000, below `percent` × 100. Stable (the same phone is
 * always in the same group of one automation, so a recipient never switches sides between two triggers)
 * and independent of the A/B split, which hashes the same pair with FNV-1a.
 */
export function isHeldOut(scope: string, phone: string, percent: number | null | undefined): boolean {
  if (!percent || percent <= 0) return false
  const share = Math.min(percent, MAX_HOLDOUT_PERCENT)
  return holdoutBucket(scope, phone) < Math.round(share * 100)
}

/** The phone's position in [0, 10 000) for `scope`. */
export function holdoutBucket(scope: string, phone: string): number {
  const digest = createHash("sha256").update(`${scope}:${phone}`).digest("hex")
  return parseInt(digest.slice(0, 8), 16) % 10_000
}

export function holdoutReason(scope: string, percent: number): string {
  return `${HOLDOUT_REASON}: ${percent} % of ${scope} held back to measure incrementality`
}
