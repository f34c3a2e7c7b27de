import { startHarness } from "./harness"
import { startPrivateRedis } from "./redis-server"

export const SCENARIOS = ["worker-kill", "redis-restart", "provider-faults"] as const
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
 * - provider-faults: 30 % of Twilio's answers are 503, 429 or a timeout after the message was taken.
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
  })
  try {
    await harness.spawnNode()
    if (scenario === "worker-kill") await harness.spawnNode()
    const ids = await harness.seedMessages(messages)

    let struck = false
    const counts = await harness.settle(messages, {
      onTick: async (c) => {
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
    return { scenario, ...(await harness.tally(ids, counts)) }
  } finally {
    await harness.stop()
    await redis.stop()
  }
}
