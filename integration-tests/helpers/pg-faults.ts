import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Real PostgreSQL faults for the tests and the chaos run: statements refused by a trigger, and
 * connections killed with pg_terminate_backend while their statement runs.
 */

/** Makes every UPDATE of sms_rcs_message that moves a row to one of `statuses` fail, until cleared. */
export async function failStatusWrites(knex: Knex, statuses: string[], name = "sms_rcs_test_fault"): Promise<() => Promise<void>> {
  const list = statuses.map((s) => `'${s.replace(/'/g, "''")}'`).join(", ")
  await knex.raw(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF NEW.status IN (${list}) AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'injected fault: writing status % is refused', NEW.status;
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`)
  await knex.raw(`DROP TRIGGER IF EXISTS ${name} ON sms_rcs_message`)
  await knex.raw(`CREATE TRIGGER ${name} BEFORE UPDATE ON sms_rcs_message FOR EACH ROW EXECUTE FUNCTION ${name}()`)
  return async () => {
    await knex.raw(`DROP TRIGGER IF EXISTS ${name} ON sms_rcs_message`)
    await knex.raw(`DROP FUNCTION IF EXISTS ${name}()`)
  }
}

/**
 * Holds a lock on a message row, waits until another connection's UPDATE of it blocks on the lock,
 * kills that connection (pg_terminate_backend: its statement fails, as in a failover) and releases the
 * lock. Resolves with the killed backend's pid.
 */
export async function killTheNextWriteOf(knex: Knex, messageId: string): Promise<{ locked: Promise<void>; killed: Promise<number> }> {
  let release!: () => void
  let lockTaken!: () => void
  const locked = new Promise<void>((resolve) => (lockTaken = resolve))
  const done = new Promise<void>((resolve) => (release = resolve))
  const holder = knex.transaction(async (trx) => {
    await trx.raw(`SELECT id FROM sms_rcs_message WHERE id = ? FOR UPDATE`, [messageId])
    lockTaken()
    await done
  })
  const killed = (async () => {
    await locked
    try {
      for (let i = 0; i < 500; i++) {
        const { rows } = await knex.raw(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE sms_rcs_message%'`
        )
        if (rows[0]) {
          await knex.raw(`SELECT pg_terminate_backend(?)`, [rows[0].pid])
          return rows[0].pid as number
        }
        await new Promise((r) => setTimeout(r, 10))
      }
      throw new Error(`no write of ${messageId} came to be killed`)
    } finally {
      release()
      await holder
    }
  })()
  return { locked, killed }
}
