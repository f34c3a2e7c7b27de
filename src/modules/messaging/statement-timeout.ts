import { MedusaError } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout`. */
const QUERY_CANCELED = "57014"

/**
 * Runs `work` in a transaction whose statements may each run at most `timeoutMs` (SET LOCAL: the limit
 * ends with the transaction, the pooled connection is not changed for anyone else). Reports that an
 * admin can make as large as they like (a two-year analytics period, a segment over every customer)
 * must not hold a connection and a core for minutes: past the limit, PostgreSQL cancels the statement
 * and the admin gets a 400 that says what to narrow.
 */
export async function withStatementTimeout<T>(
  knex: Knex,
  timeoutMs: number,
  what: { name: string; narrow: string; asyncCommit?: boolean },
  work: (trx: Knex.Transaction) => Promise<T>
): Promise<T> {
  try {
    return await knex.transaction(async (trx) => {
      // A utility statement takes no bind parameters: the value is an integer we made. `asyncCommit`: the
      // commit does not wait for the WAL flush (`synchronous_commit = off`), for derived rows that a job
      // recomputes if a PostgreSQL crash drops the last ones (attribution: see jobs/repair-attributions.ts).
      const settings = [`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`]
      if (what.asyncCommit) settings.push("SET LOCAL synchronous_commit = off")
      await trx.raw(settings.join("; "))
      return work(trx)
    })
  } catch (error) {
    if ((error as { code?: string }).code === QUERY_CANCELED) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${what.name} took longer than ${formatMs(timeoutMs)} and was stopped (reports.statementTimeoutMs): ${what.narrow}`
      )
    }
    throw error
  }
}

const formatMs = (ms: number) => (ms >= 1_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`)
