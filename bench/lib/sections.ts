import path from "path"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { createPgConnection } from "@medusajs/framework/utils"
import { startFakeTwilio } from "../../integration-tests/fakes/twilio-server"
import { databaseUrl, dropDatabase, ensureDatabase } from "../../integration-tests/helpers/services"
import { ACCOUNT_SID, AUTH_TOKEN, startHarness } from "./harness"

export type Figure = { value: number; unit: string }
export type Figures = Record<string, Figure>

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Peak resident memory of a process, from /proc (Linux). */
function peakRssMb(pid: number): number {
  try {
    const status = require("fs").readFileSync(`/proc/${pid}/status`, "utf8") as string
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return round(kb / 1024)
  } catch {
    return NaN
  }
}

/**
 * CPU time a process has used so far (user + system), in ms, from /proc (Linux; clock ticks of 10 ms:
 * the kernel's USER_HZ is 100 on every Linux Node supports).
 */
function cpuMs(pid: number): number {
  try {
    const stat = require("fs").readFileSync(`/proc/${pid}/stat`, "utf8") as string
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

/**
 * End to end: rows inserted and queued, sent over HTTP to the fake Twilio by `workers` dispatch
 * processes, delivered when its signed callbacks come back. Throughput counts from the first insert to
 * the last delivery.
 */
export async function throughput(redisUrl: string, messages: number, workers: number): Promise<Figures> {
  const harness = await startHarness({ name: `bench_tp_${messages}`, redisUrl, fake: { callbackDelayMs: 5 }, plugin: { concurrency: 100 } })
  try {
    for (let i = 0; i < workers; i++) await harness.spawnNode()
    // the workers' CPU from here on: their boot is not the messages' cost
    const cpuBefore = harness.nodes.map((n) => cpuMs(n.pid!))
    const started = Date.now()
    const ids = await harness.seedMessages(messages)
    const counts = await harness.settle(messages, { deadlineMs: 30 * 60_000, sweep: false })
    const seconds = (Date.now() - started) / 1000
    const tally = await harness.tally(ids, counts)
    const sendSeconds = (harness.fake.accepted.reduce((max, m) => Math.max(max, m.received_at), 0) - started) / 1000
    const rss = Math.max(...harness.nodes.map((n) => peakRssMb(n.pid!)))
    const cpu = harness.nodes.reduce((sum, n, i) => sum + cpuMs(n.pid!) - cpuBefore[i], 0)
    return {
      [`cpu_ms_per_message_${messages}`]: { value: round(cpu / messages, 3), unit: "ms" },
      [`throughput_${messages}_delivered`]: { value: round(messages / seconds), unit: "msg/s" },
      [`throughput_${messages}_sent`]: { value: round(messages / sendSeconds), unit: "msg/s" },
      [`throughput_${messages}_lost`]: { value: tally.lost, unit: "messages" },
      [`throughput_${messages}_duplicates`]: { value: tally.duplicates, unit: "messages" },
      [`peak_rss_worker_${messages}`]: { value: rss, unit: "MB" },
    }
  } finally {
    await harness.stop()
  }
}

/** Sends at a configured pace and measures the pace the provider saw, past the initial burst. */
export async function rateLimitAccuracy(redisUrl: string, mps: number, messages: number): Promise<Figures> {
  const harness = await startHarness({
    name: "bench_rate",
    redisUrl,
    fake: { callbackDelayMs: 5 },
    plugin: { rateLimit: { segmentsPerSecond: mps, burst: 1 }, concurrency: 50 },
  })
  try {
    await harness.spawnNode()
    await harness.spawnNode()
    await harness.seedMessages(messages)
    await harness.settle(messages, { deadlineMs: 10 * 60_000, sweep: false })
    await harness.fake.sync()
    const times = harness.fake.accepted.map((m) => m.received_at).sort((a, b) => a - b)
    const measured = (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000)
    return {
      rate_limit_configured: { value: mps, unit: "segments/s" },
      rate_limit_measured: { value: round(measured), unit: "segments/s" },
      rate_limit_error: { value: round(((measured - mps) / mps) * 100, 2), unit: "%" },
    }
  } finally {
    await harness.stop()
  }
}

/**
 * Medusa's own path: `createNotifications` on the Notification Module with an SMS provider posting to
 * the same fake Twilio, in batches as a subscriber fanning out would call it.
 */
export async function notificationModuleBaseline(messages: number, batch = 100): Promise<Figures> {
  const dbName = `sms_rcs_bench_notification_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const clientUrl = databaseUrl(dbName)
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
  const modulesConfig = {
    notification: {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: path.join(__dirname, "..", "notification-baseline", "provider.ts"),
            id: "bench-sms",
            options: { channels: ["sms"], url: fake.url, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
          },
        ],
      },
    },
  }
  const connection = createPgConnection({ clientUrl, schema: "public" })
  const logger = { info() {}, warn() {}, error: console.error, debug() {}, log() {} }
  try {
    await MedusaAppMigrateUp({ modulesConfig, sharedResourcesConfig: { database: { clientUrl } }, injectedDependencies: { __pg_connection__: connection, logger } } as any)
    const app = await MedusaApp({ modulesConfig, sharedResourcesConfig: { database: { clientUrl } }, injectedDependencies: { __pg_connection__: connection, logger } } as any)
    const notification = app.modules.notification as any
    const started = Date.now()
    for (let i = 0; i < messages; i += batch) {
      await notification.createNotifications(
        Array.from({ length: Math.min(batch, messages - i) }, (_, j) => ({
          to: `+3361${String(i + j).padStart(7, "0")}`,
          channel: "sms",
          template: "order_confirmation",
          content: { text: `Maison Demo: order #${100000 + i + j} is confirmed.` },
          idempotency_key: `bench-notification-${i + j}`,
        }))
      )
    }
    const seconds = (Date.now() - started) / 1000
    await app.onApplicationShutdown()
    MedusaModule.clearInstances()
    return {
      [`notification_module_${messages}`]: { value: round(messages / seconds), unit: "msg/s" },
      [`notification_module_${messages}_received`]: { value: fake.accepted.length, unit: "messages" },
    }
  } finally {
    await connection.destroy()
    await fake.close()
    await dropDatabase(dbName).catch(() => undefined)
  }
}

export { percentile, round }
