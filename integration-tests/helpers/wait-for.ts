/**
 * Polls until `check` returns a value (not undefined), up to `attempts` times. The bound keeps a broken
 * pipeline from hanging the suite; what is asserted is the value, never how long it took.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  { attempts = 100, intervalMs = 200, what = "condition" } = {}
): Promise<T> {
  let last: unknown
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`)
}

/**
 * Polls `read` until `accept` holds for its value, and returns that value; on timeout the error names the
 * last value seen (what a page showed instead).
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined
  try {
    return await waitFor(
      async () => {
        last = await read()
        return accept(last) ? last : undefined
      },
      { attempts: 150, intervalMs: 200, what }
    )
  } catch (error) {
    throw new Error(`${(error as Error).message} (last value: ${JSON.stringify(last)})`)
  }
}

/** Polls `probe` every 50 ms until it returns something truthy (at most `tries` times), and returns it. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}
