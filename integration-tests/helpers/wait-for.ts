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
