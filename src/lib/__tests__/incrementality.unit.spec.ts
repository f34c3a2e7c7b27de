import {
  bootstrapRevenueDifference,
  incrementality,
  MIN_RECIPIENTS_PER_GROUP,
  normalCdf,
  quantile,
  seededRandom,
  twoProportionTest,
  type GroupOutcome,
} from "../analytics/incrementality"
import { holdoutBucket, isHeldOut } from "../analytics/holdout"

const buyers = (count: number, revenue: number, orders = 1) => Array.from({ length: count }, () => ({ orders, revenue }))

describe("normalCdf", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6)
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6)
    expect(normalCdf(2.575829)).toBeCloseTo(0.995, 6)
  })
})

describe("twoProportionTest", () => {
  it("gives R's prop.test(c(45, 30), c(100, 100), correct = FALSE): X² = 4.8, p = 0.02846", () => {
    const test = twoProportionTest(45, 100, 30, 100)!
    expect(test.difference).toBeCloseTo(0.15, 10)
    // z² is the chi-squared statistic without continuity correction
    expect(test.z * test.z).toBeCloseTo(4.8, 6)
    expect(test.p_value).toBeCloseTo(0.02846, 5)
    // Wald: 0.15 ± 1.96 × √(0.45·0.55/100 + 0.30·0.70/100) = 0.15 ± 0.132571
    expect(test.interval.low).toBeCloseTo(0.017429, 5)
    expect(test.interval.high).toBeCloseTo(0.282571, 5)
  })

  it("says nothing without recipients, and p = 1 when nobody (or everybody) converted", () => {
    expect(twoProportionTest(0, 0, 1, 10)).toBeNull()
    expect(twoProportionTest(0, 50, 0, 50)!.p_value).toBe(1)
  })
})

describe("quantile", () => {
  it("interpolates like R's type 7", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([10, 20, 30, 40, 50], 0.025)).toBeCloseTo(11, 10)
    expect(quantile([10, 20, 30, 40, 50], 0.975)).toBeCloseTo(49, 10)
  })
})

describe("bootstrapRevenueDifference", () => {
  it("is exact when every recipient of a group spent the same", () => {
    const treated: GroupOutcome = { recipients: 40, buyers: buyers(40, 10) }
    const held: GroupOutcome = { recipients: 40, buyers: [] }
    expect(bootstrapRevenueDifference(treated, held)).toEqual({ low: 10, high: 10 })
  })

  it("is the same interval on every run (fixed seed), another with another seed", () => {
    const treated: GroupOutcome = { recipients: 300, buyers: buyers(90, 50) }
    const held: GroupOutcome = { recipients: 100, buyers: buyers(20, 50) }
    const first = bootstrapRevenueDifference(treated, held)!
    expect(bootstrapRevenueDifference(treated, held)).toEqual(first)
    expect(bootstrapRevenueDifference(treated, held, { seed: 7 })).not.toEqual(first)
    // the difference is 15 − 10 = 5; its standard error √(50²·0.3·0.7/300 + 50²·0.2·0.8/100) = √5.75, so a
    // 95 % interval of about ±4.70: the bootstrap's percentiles land near the normal ones
    expect(first.low).toBeGreaterThan(5 - 4.70 - 1.5)
    expect(first.low).toBeLessThan(5 - 4.70 + 1.5)
    expect(first.high).toBeGreaterThan(5 + 4.70 - 1.5)
    expect(first.high).toBeLessThan(5 + 4.70 + 1.5)
  })

  it("draws from a seeded generator in [0, 1)", () => {
    const a = seededRandom(1)
    const b = seededRandom(1)
    const values = Array.from({ length: 1000 }, () => a())
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
  })
})

describe("incrementality", () => {
  it("computes conversion, revenue per recipient, incremental revenue and lifts of a known effect", () => {
    // treated: 160 recipients, 48 bought once for 50 (30 %); held out: 40 recipients, 4 bought for 50 (10 %)
    const figures = incrementality({ recipients: 160, buyers: buyers(48, 50) }, { recipients: 40, buyers: buyers(4, 50) })
    expect(figures.status).toBe("enough_data")
    expect(figures.treated).toEqual({
      recipients: 160, converted: 48, orders: 48, revenue: 2400,
      conversion_rate: 0.3, orders_per_recipient: 0.3, revenue_per_recipient: 15,
    })
    expect(figures.held_out.revenue_per_recipient).toBe(5)
    // (15 − 5) × 160
    expect(figures.incremental_revenue).toBe(1600)
    expect(figures.conversion_lift).toBeCloseTo(2, 10)
    expect(figures.revenue_lift).toBeCloseTo(2, 10)
    // pooled p = 52/200 = 0.26; z = 0.2 / √(0.26·0.74·(1/160 + 1/40)) = 2.5793, p = erfc(z/√2) = 0.0099
    expect(figures.conversion_test!.z).toBeCloseTo(2.5793, 4)
    expect(figures.conversion_test!.p_value).toBeCloseTo(0.0099, 4)
    const interval = figures.revenue_per_recipient_difference_interval!
    expect(interval.low).toBeLessThan(10)
    expect(interval.high).toBeGreaterThan(10)
    expect(figures.incremental_revenue_interval).toEqual({ low: interval.low * 160, high: interval.high * 160 })
  })

  it(`says "not enough data yet" below ${MIN_RECIPIENTS_PER_GROUP} recipients in a group, with the plain figures still there`, () => {
    expect(MIN_RECIPIENTS_PER_GROUP).toBe(30)
    const figures = incrementality({ recipients: 180, buyers: buyers(54, 50) }, { recipients: 29, buyers: buyers(3, 50) })
    expect(figures.status).toBe("not_enough_data")
    expect(figures.conversion_test).toBeNull()
    expect(figures.incremental_revenue_interval).toBeNull()
    expect(figures.conversion_lift).toBeNull()
    expect(figures.treated.revenue_per_recipient).toBe(15)
    expect(figures.incremental_revenue).toBeCloseTo((15 - 150 / 29) * 180, 8)
    expect(incrementality({ recipients: 30, buyers: [] }, { recipients: 30, buyers: [] }).status).toBe("enough_data")
  })

  it("counts a recipient with two orders once in conversion and twice in orders", () => {
    const figures = incrementality({ recipients: 30, buyers: [{ orders: 2, revenue: 80 }] }, { recipients: 30, buyers: [] })
    expect(figures.treated.converted).toBe(1)
    expect(figures.treated.orders).toBe(2)
    expect(figures.conversion_lift).toBeNull() // nothing to be relative to
  })
})

describe("isHeldOut", () => {
  it("holds back about the share asked for, always the same phones, never more than 50 %", () => {
    const phones = Array.from({ length: 10_000 }, (_, i) => `+3361${String(i).padStart(7, "0")}`)
    const held = phones.filter((p) => isHeldOut("win_back", p, 10))
    expect(held.length).toBeGreaterThan(900)
    expect(held.length).toBeLessThan(1100)
    expect(phones.filter((p) => isHeldOut("win_back", p, 10))).toEqual(held)
    expect(phones.filter((p) => isHeldOut("win_back", p, 0))).toHaveLength(0)
    const capped = phones.filter((p) => isHeldOut("win_back", p, 90)).length
    expect(capped).toBeGreaterThan(4800)
    expect(capped).toBeLessThan(5200)
    // another automation holds back other phones
    expect(phones.filter((p) => isHeldOut("abandoned_cart", p, 10))).not.toEqual(held)
  })

  it("reads sha256('<scope>:<phone>') — its first 8 hex digits mod 10 000", () => {
    // sha256("win_back:+33610000000") starts with the digits computed here independently
    const { createHash } = require("node:crypto")
    const hex = createHash("sha256").update("win_back:+33610000000").digest("hex").slice(0, 8)
    expect(holdoutBucket("win_back", "+33610000000")).toBe(parseInt(hex, 16) % 10_000)
  })
})
