/**
 * Groups calls made close together into one: `add(item)` waits (at most `maxWaitMs`, or until `maxSize`
 * items wait) and then `flush` runs once for every waiting item, returning one result per item, in order.
 * The dispatcher's hot writes go through it: fifty jobs in hand claim their messages with one UPDATE
 * instead of fifty, each still getting only its own answer.
 *
 * A failed flush rejects every item of that flush with the same error, exactly as if each had made its
 * own call and failed: a caller that retries calls `add` again and joins a later flush. Nothing is kept
 * across flushes, so an item is never run twice by the batcher itself.
 */
export type MicroBatcherOptions = {
  /** Items per flush at most: more start another flush. */
  maxSize: number
  /** How long the first waiting item waits for company, in ms (0: until the current I/O turn ends). */
  maxWaitMs: number
}

type Waiting<I, O> = { item: I; resolve: (result: O) => void; reject: (error: unknown) => void }

export class MicroBatcher<I, O> {
  private waiting: Waiting<I, O>[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly options: MicroBatcherOptions
  ) {
    if (!(options.maxSize >= 1)) throw new Error("MicroBatcher: maxSize must be at least 1")
  }

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      if (this.waiting.length >= this.options.maxSize) {
        this.run()
      } else if (!this.timer) {
        this.timer = setTimeout(() => this.run(), this.options.maxWaitMs)
      }
    })
  }

  /** Items waiting for the next flush (for tests and metrics). */
  get pending(): number {
    return this.waiting.length
  }

  private run(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const batch = this.waiting.splice(0, this.options.maxSize)
    if (this.waiting.length) {
      // more than one flush's worth arrived: the rest go next, without waiting again
      this.timer = setTimeout(() => this.run(), 0)
    }
    if (!batch.length) return
    let flushed: Promise<O[]>
    try {
      flushed = this.flush(batch.map((w) => w.item))
    } catch (error) {
      flushed = Promise.reject(error)
    }
    flushed.then(
      (results) => {
        if (!Array.isArray(results) || results.length !== batch.length) {
          const error = new Error(`MicroBatcher: flush returned ${Array.isArray(results) ? results.length : typeof results} results for ${batch.length} items`)
          for (const w of batch) w.reject(error)
          return
        }
        batch.forEach((w, i) => w.resolve(results[i]))
      },
      (error) => {
        for (const w of batch) w.reject(error)
      }
    )
  }
}
