/**
 * How often, and how patiently, a status write is retried when PostgreSQL fails it (a connection killed
 * by a failover or `pg_terminate_backend`, a statement refused): about 1.5 s in all, so a short outage
 * is ridden out inside the job, and a long one ends in a decision the caller makes (never a resend).
 */
export type DbRetry = { attempts: number; baseMs: number }

export const DEFAULT_DB_RETRY: DbRetry = { attempts: 6, baseMs: 50 }

/** Runs `write` until it succeeds or `attempts` ran out (then throws its last error), doubling the wait. */
export async function retryDb<T>(write: () => Promise<T>, retry: DbRetry = DEFAULT_DB_RETRY): Promise<T> {
  let last: unknown
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) {
      await new Promise((resolve) => setTimeout(resolve, retry.baseMs * 2 ** (attempt - 1)))
    }
    try {
      return await write()
    } catch (error) {
      last = error
    }
  }
  throw last
}
