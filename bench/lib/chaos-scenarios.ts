import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { startHarness, WORKER_APPLICATION_NAME } from "./harness"
import { startPrivateRedis } from "./redis-server"

export const SCENARIOS = ["worker-kill", "redis-restart", "provider-faults", "db-faults"] as const
export type Scenario = (typeof SCENARIOS)[number]

export type ChaosResult = { scenario: Scenario; messages: number; delivered: number; lost: number; duplicates: number }

export function chaosLine(r: ChaosResult): string {
  return `chaos: scenario=${r.scenario} messages=${r.messages} delivered=${r.delivered} lost=${r.lost} duplicates=${r.duplicates}`
}

/**
 * One fault scenario against the real pipeline (PostgreSQL, a Redis of its own, dispatch worker
 * processes, the fake Twilio over HTTP):
 * - worker-kill: two workers; when 30 % are delivered one is killed with SIGKILL and a new one starts;
 * - redis-restart: when 30 % are delivered Redis is killed (losing every job) and started again;
 * - provider-faults: 30 % of Twilio's answers are 503, 429 or a timeout after the message was taken;
 * - db-faults: from the start until 80 % are delivered, every 200 ms the workers' PostgreSQL connections
 *   are killed (pg_terminate_backend, mid-statement or idle), and 5 % of their status writes fail (a
 *   trigger raises), before and after the provider call.
 */
export async function runScenario(scenario: Scenario, messages: number): Promise<ChaosResult> {
  const redis = await startPrivateRedis()
  const harness = await startHarness({
    name: `chaos_${scenario.replace(/-/g, "_")}`,
    redisUrl: redis.url,
    fake:
      scenario === "provider-faults"
        ? { faults: { rate: 0.3, kinds: ["503", "429", "timeout"] }, timeoutHoldMs: 1_500 }
        : { callbackDelayMs: 20 },
    // short enough that the fake's held answers time out
    timeoutMs: 1_000,
    // Twilio's queue window: a message never received is sent again once it has passed
    twilio: { validityPeriodSeconds: 5 },
  })
  try {
    await harness.spawnNode()
    if (scenario === "worker-kill" || scenario === "db-faults") await harness.spawnNode()
    const faults = scenario === "db-faults" ? await startDbFaults(harness.knex) : null
    const ids = await harness.seedMessages(messages)

    let struck = false
    const counts = await harness.settle(messages, {
      onTick: async (c) => {
        if (faults && (c.delivered ?? 0) >= messages * 0.8) await faults.stop()
        if (struck || (c.delivered ?? 0) < messages * 0.3) return
        struck = true
        if (scenario === "worker-kill") {
          harness.nodes[0].kill("SIGKILL")
          await harness.spawnNode()
        }
        if (scenario === "redis-restart") {
          await redis.restart(1_000)
        }
      },
    })
    await faults?.stop()
    return { scenario, ...(await harness.tally(ids, counts)) }
  } finally {
    await harness.stop()
    await redis.stop()
  }
}

/**
 * PostgreSQL failing the dispatch workers: their connections killed in a loop, and a share of their
 * status writes refused by a trigger. Only the workers' connections (by `application_name`) are hit;
 * the harness's own (seeding, status callbacks, the sweeper) are left alone.
 */
async function startDbFaults(knex: Knex, everyMs = 200, failShare = 0.05) {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION sms_rcs_chaos_fault() RETURNS trigger AS $$
    BEGIN
      IF current_setting('application_name') = '${WORKER_APPLICATION_NAME}' AND random() < ${failShare} THEN
        RAISE EXCEPTION 'chaos: status write refused';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`)
  await knex.raw(`CREATE TRIGGER sms_rcs_chaos_fault BEFORE UPDATE ON sms_rcs_message FOR EACH ROW EXECUTE FUNCTION sms_rcs_chaos_fault()`)
  let running = true
  let kills = 0
  const loop = (async () => {
    while (running) {
      const { rows } = await knex
        .raw(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()`, [WORKER_APPLICATION_NAME])
        .catch(() => ({ rows: [{ n: 0 }] }))
      kills += rows[0].n
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  let stopped: Promise<number> | null = null
  return {
    stop(): Promise<number> {
      stopped ??= (async () => {
        running = false
        await loop
        await knex.raw(`DROP TRIGGER IF EXISTS sms_rcs_chaos_fault ON sms_rcs_message`)
        await knex.raw(`DROP FUNCTION IF EXISTS sms_rcs_chaos_fault()`)
        if (process.env.CHAOS_VERBOSE) console.log(`chaos: db-faults killed ${kills} worker connection(s)`)
        return kills
      })()
      return stopped
    },
  }
}
