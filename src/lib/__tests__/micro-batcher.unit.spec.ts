import { MicroBatcher } from "../batching/micro-batcher"

describe("MicroBatcher", () => {
  it("runs calls made together as one flush, each caller getting its own result", async () => {
    const flushes: number[][] = []
    const batcher = new MicroBatcher<number, number>(async (items) => {
      flushes.push(items)
      return items.map((n) => n * 10)
    }, { maxSize: 100, maxWaitMs: 5 })
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)))
    expect(results).toEqual([10, 20, 30])
    expect(flushes).toEqual([[1, 2, 3]])
  })

  it("never puts more than maxSize items in one flush: a full batch goes at once, the rest after its wait", async () => {
    const flushes: number[][] = []
    const batcher = new MicroBatcher<number, number>(async (items) => {
      flushes.push(items)
      return items
    }, { maxSize: 2, maxWaitMs: 20 })
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)))
    expect(results).toEqual([1, 2, 3, 4, 5])
    expect(flushes).toEqual([[1, 2], [3, 4], [5]])
  })

  it("rejects every item of a failed flush with its error; a retry joins a later flush", async () => {
    let calls = 0
    const batcher = new MicroBatcher<string, string>(async (items) => {
      calls++
      if (calls === 1) throw new Error("connection terminated")
      return items.map((s) => s.toUpperCase())
    }, { maxSize: 10, maxWaitMs: 0 })
    const first = await Promise.allSettled([batcher.add("a"), batcher.add("b")])
    expect(first.map((r) => r.status)).toEqual(["rejected", "rejected"])
    expect((first[0] as PromiseRejectedResult).reason.message).toBe("connection terminated")
    await expect(batcher.add("a")).resolves.toBe("A")
    expect(calls).toBe(2)
    expect(batcher.pending).toBe(0)
  })

  it("rejects a flush that returns the wrong number of results rather than answering a caller wrongly", async () => {
    const batcher = new MicroBatcher<number, number>(async () => [1], { maxSize: 10, maxWaitMs: 0 })
    const settled = await Promise.allSettled([batcher.add(1), batcher.add(2)])
    expect(settled.every((r) => r.status === "rejected")).toBe(true)
  })

  it("turns a flush that throws synchronously into rejections", async () => {
    const batcher = new MicroBatcher<number, number>(() => {
      throw new Error("bad input")
    }, { maxSize: 10, maxWaitMs: 0 })
    await expect(batcher.add(1)).rejects.toThrow("bad input")
  })
})
