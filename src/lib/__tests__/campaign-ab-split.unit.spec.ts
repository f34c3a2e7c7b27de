import { BUCKETS, bucketOf, dueAt, pickWinner, ratePerSecond, splitProblems, variantForBucket } from "../campaigns"

const phones = Array.from({ length: 20_000 }, (_, i) => `+33612${String(i).padStart(6, "0")}`)

describe("A/B assignment", () => {
  it("is stable for a campaign and a phone, and differs between campaigns", () => {
    expect(bucketOf("camp_1", "+33612345678")).toBe(bucketOf("camp_1", "+33612345678"))
    const moved = phones.slice(0, 1000).filter((p) => bucketOf("camp_1", p) !== bucketOf("camp_2", p)).length
    expect(moved).toBeGreaterThan(900)
    expect(phones.every((p) => bucketOf("camp_1", p) >= 0 && bucketOf("camp_1", p) < BUCKETS)).toBe(true)
  })

  it("splits the audience by the weights, within a percent on 20,000 phones", () => {
    const variants = [{ id: "a", weight: 50 }, { id: "b", weight: 30 }, { id: "c", weight: 20 }]
    const counts: Record<string, number> = {}
    for (const phone of phones) {
      const v = variantForBucket(bucketOf("camp_x", phone), variants, null)
      counts[v] = (counts[v] ?? 0) + 1
    }
    expect(Object.keys(counts).sort()).toEqual(["a", "b", "c"])
    expect(Math.abs(counts.a / phones.length - 0.5)).toBeLessThan(0.01)
    expect(Math.abs(counts.b / phones.length - 0.3)).toBeLessThan(0.01)
    expect(Math.abs(counts.c / phones.length - 0.2)).toBeLessThan(0.01)
  })

  it("with a test share, sends the variants to that share only, split evenly, and keeps the rest for the winner", () => {
    const variants = [{ id: "a", weight: 1 }, { id: "b", weight: 1 }]
    const test = { test_share: 20, metric: "ctr" as const, decide_after_hours: 4 }
    const counts: Record<string, number> = {}
    for (const phone of phones) {
      const v = variantForBucket(bucketOf("camp_t", phone), variants, test)
      counts[v] = (counts[v] ?? 0) + 1
    }
    expect(Math.abs(counts.rest / phones.length - 0.8)).toBeLessThan(0.01)
    expect(Math.abs(counts.a / phones.length - 0.1)).toBeLessThan(0.01)
    expect(Math.abs(counts.b / phones.length - 0.1)).toBeLessThan(0.01)
    // the edges: the first bucket is tested, the first bucket past the share is not
    expect(variantForBucket(0, variants, test)).toBe("a")
    expect(variantForBucket(1999, variants, test)).toBe("b")
    expect(variantForBucket(2000, variants, test)).toBe("rest")
  })
})

describe("pickWinner", () => {
  const results = [
    { variant: "a", sent: 100, delivered: 100, unique_clicks: 10, revenue: 50 },
    { variant: "b", sent: 100, delivered: 80, unique_clicks: 12, revenue: 40 },
  ]
  it("picks by revenue per message or by CTR", () => {
    expect(pickWinner(["a", "b"], results, "revenue_per_message")).toBe("a")
    expect(pickWinner(["a", "b"], results, "ctr")).toBe("b")
  })
  it("breaks a tie with the other metric, then the admin's order; nothing measured → the first variant", () => {
    const tie = [
      { variant: "a", sent: 10, delivered: 10, unique_clicks: 1, revenue: 0 },
      { variant: "b", sent: 10, delivered: 10, unique_clicks: 2, revenue: 0 },
    ]
    expect(pickWinner(["a", "b"], tie, "revenue_per_message")).toBe("b")
    expect(pickWinner(["b", "a"], [], "ctr")).toBe("b")
  })
})

describe("splitProblems", () => {
  it("wants 1–5 variants with distinct ids, adding up to 100 % without a test, and 2 or more with one", () => {
    expect(splitProblems([{ id: "a", weight: 60 }, { id: "b", weight: 40 }], null)).toEqual([])
    expect(splitProblems([{ id: "a", weight: 60 }, { id: "b", weight: 30 }], null)).toEqual([
      "variants: the split must add up to 100 % (it adds up to 90 %)",
    ])
    expect(splitProblems([{ id: "a", weight: 1 }], { test_share: 20, metric: "ctr", decide_after_hours: 2 })).toEqual([
      "ab_test: a test needs at least 2 variants",
    ])
    const six = "abcdef".split("").map((id) => ({ id, weight: 100 / 6 }))
    expect(splitProblems(six, null)).toEqual(["variants: between 1 and 5"])
    expect(splitProblems([{ id: "a", weight: 50 }, { id: "a", weight: 50 }], null)).toEqual(["variants: ids must differ"])
  })
})

describe("throttle", () => {
  const start = new Date("2026-11-25T10:00:00Z")
  it("turns a window into a rate and paces each message", () => {
    expect(ratePerSecond({ per_second: 50 }, 1000)).toBe(50)
    expect(ratePerSecond({ spread_minutes: 60 }, 36_000)).toBe(10)
    expect(ratePerSecond(null, 1000)).toBeNull()
    expect(dueAt(start, 0, 10).toISOString()).toBe("2026-11-25T10:00:00.000Z")
    expect(dueAt(start, 25, 10).toISOString()).toBe("2026-11-25T10:00:02.500Z")
    expect(dueAt(start, 1_000_000, null)).toBe(start)
  })
})

describe("fastSegments", () => {
  const { countSegments } = jest.requireActual("../sms-encoding")
  const { fastSegments } = jest.requireActual("../messages")
  it.each(["", "a".repeat(160), "a".repeat(161), "a".repeat(306), "a".repeat(307), "Hi {x} ~", "`", "€uro", "reçu", "😀 deal", "Line\nbreak @ 10 %"])(
    "agrees with Twilio's calculator on %p",
    (text) => {
      const { encoding, segments } = countSegments(text)
      expect(fastSegments(text)).toEqual({ encoding, segments })
    }
  )
})

describe("entityIdSequence", () => {
  const { entityIdSequence } = jest.requireActual("../messages")
  it("makes Medusa-shaped ids, unique and in the order they were made, page after page", () => {
    const page = (at: number, n: number) => {
      const next = entityIdSequence("msg", at)
      return Array.from({ length: n }, () => next())
    }
    const all: string[] = [...page(1_700_000_000_000, 5000), ...page(1_700_000_000_007, 5000)]
    expect(all[0]).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(new Set(all).size).toBe(10_000)
    expect([...all].sort()).toEqual(all)
  })
})
