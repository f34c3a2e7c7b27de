import { coPurchaseRanking, rankRecommendations } from "../rank"

const always = () => true

describe("coPurchaseRanking", () => {
  it("counts products bought in the same orders as the basket's, most often first", () => {
    const history = [["shirt", "tote"], ["shirt", "belt"], ["shirt", "tote", "belt", "scarf"], ["belt", "socks"], ["hat", "scarf"]]
    // tote 2, belt 2, scarf 1; socks and hat were never bought with a shirt
    expect(coPurchaseRanking(["shirt"], history)).toEqual(["tote", "belt", "scarf"])
  })

  it("breaks ties by the most recent order together (the history is newest first), then by id", () => {
    expect(coPurchaseRanking(["shirt"], [["shirt", "belt"], ["shirt", "tote"]])).toEqual(["belt", "tote"])
    expect(coPurchaseRanking(["shirt"], [["shirt", "tote"], ["shirt", "belt"]])).toEqual(["tote", "belt"])
    // in the same order: the id decides, the same at every run
    expect(coPurchaseRanking(["shirt"], [["shirt", "zip", "belt", "mug"]])).toEqual(["belt", "mug", "zip"])
  })

  it("counts an order once, however many basket items or duplicates it holds", () => {
    const history = [["shirt", "jeans", "tote", "tote"], ["shirt", "belt"], ["jeans", "belt"]]
    expect(coPurchaseRanking(["shirt", "jeans"], history)).toEqual(["belt", "tote"])
  })
})

describe("rankRecommendations", () => {
  it("never suggests the basket's own products and keeps the top 3", () => {
    const history = [["a", "b", "c", "d", "e"], ["a", "b", "c", "d"], ["a", "b", "c"], ["a", "b"]]
    expect(rankRecommendations({ basket: ["a"], history, available: always })).toEqual(["b", "c", "d"])
    expect(rankRecommendations({ basket: ["a", "b"], history, available: always })).toEqual(["c", "d", "e"])
    expect(rankRecommendations({ basket: ["a"], history, available: always, limit: 1 })).toEqual(["b"])
  })

  it("leaves out what cannot be bought now and takes the next one", () => {
    const history = [["a", "b", "c", "d"], ["a", "b", "c"], ["a", "b"]]
    expect(rankRecommendations({ basket: ["a"], history, available: (id) => id !== "b" })).toEqual(["c", "d"])
  })

  it("falls back to the same collection, in its order, when history knows too few (and when it knows none)", () => {
    const sameCollection = ["a", "x", "b", "y", "z"]
    // a (the basket) and b (already picked) are not repeated; y is sold out
    expect(
      rankRecommendations({ basket: ["a"], history: [["a", "b"]], sameCollection, available: (id) => id !== "y" })
    ).toEqual(["b", "x", "z"])
    expect(rankRecommendations({ basket: ["a"], history: [], sameCollection, available: always })).toEqual(["x", "b", "y"])
  })

  it("suggests nothing for an empty basket or a store without history nor collection", () => {
    expect(rankRecommendations({ basket: [], history: [["a", "b"]], available: always })).toEqual([])
    expect(rankRecommendations({ basket: ["a"], history: [], available: always })).toEqual([])
  })

  it("grows about linearly with the history: 20 000 orders rank in a few tens of milliseconds", () => {
    const orders = (n: number) =>
      Array.from({ length: n }, (_, i) => ["basket", `p${i % 500}`, `p${(i * 7) % 500}`, `p${(i * 13) % 500}`])
    const time = (n: number) => {
      const history = orders(n)
      const start = process.hrtime.bigint()
      for (let i = 0; i < 5; i++) rankRecommendations({ basket: ["basket"], history, available: always })
      return Number(process.hrtime.bigint() - start) / 5e6
    }
    time(2_000) // warm-up
    const small = time(2_000)
    const large = time(20_000)
    // ten times the history: well under the hundredfold a quadratic ranking would take
    expect(large).toBeLessThan(Math.max(small, 1) * 30)
    expect(large).toBeLessThan(500)
  })
})
