import { DEFAULT_MIN_DROP_PERCENT, dropPercent, isPriceDrop } from "../price-drop"

describe("dropPercent", () => {
  it("is the drop in percent of the price before", () => {
    expect(dropPercent(79, 59)).toBeCloseTo(25.32, 2)
    expect(dropPercent(100, 90)).toBeCloseTo(10, 10)
  })

  it("is 0 for a price that did not go down, or no price before", () => {
    expect(dropPercent(59, 79)).toBe(0)
    expect(dropPercent(59, 59)).toBe(0)
    expect(dropPercent(0, 10)).toBe(0)
  })
})

describe("isPriceDrop", () => {
  it("announces a drop of the threshold or more, not less", () => {
    expect(DEFAULT_MIN_DROP_PERCENT).toBe(10)
    expect(isPriceDrop(79, 75.05, 10)).toBe(false) // 5 %
    expect(isPriceDrop(79, 71.2, 10)).toBe(false) // 9.87 %
    // exactly 10 %, though 79 * 0.9 is not exact in floating point
    expect(isPriceDrop(79, 71.1, 10)).toBe(true)
    expect(isPriceDrop(100, 90, 10)).toBe(true)
    expect(isPriceDrop(79, 59, 25)).toBe(true)
    expect(isPriceDrop(79, 59, 30)).toBe(false)
  })

  it("never takes a raise for a drop", () => {
    expect(isPriceDrop(59, 79, 10)).toBe(false)
  })
})
