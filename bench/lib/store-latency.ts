import http from "http"
import path from "path"
import { generateEntityId } from "@medusajs/framework/utils"
import { Client } from "pg"
import { startFakeTwilio } from "../../integration-tests/fakes/twilio-server"
import { appEnv, prepareApp, startApp } from "../../integration-tests/helpers/app-process"
import { freePort } from "../../integration-tests/helpers/free-port"
import { databaseUrl, dropDatabase, ensureDatabase, serviceAddresses } from "../../integration-tests/helpers/services"
import { ACCOUNT_SID, AUTH_TOKEN } from "./harness"
import { bootModule } from "./module-app"
import { percentile, round, type Figures } from "./sections"

/**
 * The storefront while a campaign sends: `GET /store/products` in the real Medusa app (the plugin's worker
 * in Medusa's default `shared` mode, in the same process and event loop as the store API), measured at a
 * steady open-loop rate while idle, then while `messages` texts go out at `segmentsPerSecond` (the
 * plugin's rate limit) to the fake Twilio with its signed status callbacks coming back. The rate is a quarter of
 * the route's closed-loop capacity measured first on the same machine (a shop with headroom, as a store
 * runs): a fixed rate would measure a queue on a slower machine and nothing on a faster one.
 */
export async function storeLatencyDuringCampaign(redisUrl: string, { messages = 3_000, segmentsPerSecond = 100, seconds = 15 } = {}): Promise<Figures> {
  const dbName = `sms_rcs_bench_store_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 5 })
  const port = await freePort()
  const run = `${process.pid}-${Date.now().toString(36)}`
  const queueName = `sms-rcs-bench-store-${run}`
  const env = appEnv(dbName, {
    MEDUSA_ADMIN_DISABLED: "true",
    // the app, its event bus and the plugin's queue on the bench's own Redis (the enqueuer below uses it too)
    REDIS_URL: redisUrl,
    SMS_RCS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_BASE_URL: fake.url,
    SMS_RCS_PUBLIC_URL: `http://localhost:${port}`,
    SMS_RCS_QUEUE_NAME: queueName,
    SMS_RCS_RATE_LIMIT: String(segmentsPerSecond),
    EVENT_BUS_QUEUE_NAME: `medusa-events-bench-store-${run}`,
    LOG_LEVEL: "error",
  })
  const store = prepareApp(env)
  const app = await startApp(env, { port, logFile: path.join(__dirname, "..", "..", ".demo", "bench-store-medusa.log") })
  const db = new Client({ ...serviceAddresses().postgres, database: dbName })
  // the plugin's module on the app's database and queue, in `server` mode: it only enqueues
  const enqueuer = await bootModule({ databaseUrl: databaseUrl(dbName), options: { redisUrl, queueName }, workerMode: "server" })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint()
      const req = http.get(
        { host: "127.0.0.1", port, path: "/store/products?limit=20", agent, headers: { "x-publishable-api-key": store.publishable_key } },
        (res) => {
          res.resume()
          res.on("end", () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`status ${res.statusCode}`))))
        }
      )
      req.on("error", reject)
    })
  /** Open loop at `rate` req/s for `seconds`: request i leaves at i / rate s, whatever the earlier ones do. */
  const measure = async (rate: number) => {
    const latencies: number[] = []
    let errors = 0
    const started = Date.now()
    const inFlight: Promise<void>[] = []
    for (let i = 0; i < rate * seconds; i++) {
      const wait = started + (i * 1000) / rate - Date.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      inFlight.push(get().then((ms) => void latencies.push(ms), () => void errors++))
    }
    await Promise.all(inFlight)
    return { latencies: latencies.sort((a, b) => a - b), errors }
  }
  try {
    await db.connect()
    // warm-up: routes compiled, pools filled
    for (let i = 0; i < 200; i++) await get()
    // closed loop, 4 at a time for 5 s: what the route can do here
    let served = 0
    const capacityStarted = Date.now()
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() - capacityStarted < 5_000) {
          await get()
          served++
        }
      })
    )
    const capacity = served / ((Date.now() - capacityStarted) / 1000)
    const rate = Math.max(2, Math.round(capacity / 4))
    const idle = await measure(rate)

    const ids: string[] = []
    for (let start = 0; start < messages; start += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, messages - start) }, (_, j) => {
        const i = start + j
        const id = generateEntityId(undefined, "msg")
        ids.push(id)
        return {
          id, to: `+3361${String(i).padStart(7, "0")}`, channel: "sms", purpose: "transactional", template_key: "order_confirmation",
          body: `Maison Demo: order #${100000 + i} is confirmed. We will text you when it ships.`, status: "queued",
          idempotency_key: `bench:store:${id}`, encoding: "GSM-7", segments: 1, attempts: 0,
        }
      })
      await enqueuer.knex("sms_rcs_message").insert(rows)
      await enqueuer.service.enqueueMessages(rows.map((r) => r.id))
    }
    // let the pace settle, then measure while it sends
    await new Promise((r) => setTimeout(r, 2_000))
    const sentBefore = fake.accepted.length
    const during = await measure(rate)
    const sentDuring = fake.accepted.length - sentBefore
    const idleP99 = percentile(idle.latencies, 99)
    const busyP99 = percentile(during.latencies, 99)
    return {
      store_capacity: { value: round(capacity), unit: "req/s (GET /store/products, closed loop, 4 at a time)" },
      store_p50_idle_ms: { value: round(percentile(idle.latencies, 50), 2), unit: "ms" },
      store_p99_idle_ms: { value: round(idleP99, 2), unit: `ms (GET /store/products at ${rate} req/s, ${seconds} s)` },
      store_p50_during_campaign_ms: { value: round(percentile(during.latencies, 50), 2), unit: "ms" },
      store_p99_during_campaign_ms: { value: round(busyP99, 2), unit: `ms (same load while the worker sends at ${segmentsPerSecond} segments/s, shared mode)` },
      store_p99_campaign_vs_idle: { value: round(busyP99 / idleP99, 2), unit: "×" },
      store_campaign_send_rate: { value: round(sentDuring / seconds, 1), unit: "messages/s reaching the provider while measured" },
      store_errors: { value: idle.errors + during.errors, unit: "requests" },
    }
  } finally {
    agent.destroy()
    await enqueuer.shutdown().catch(() => undefined)
    await db.end().catch(() => undefined)
    await app.stop()
    await fake.close()
    await dropDatabase(dbName).catch(() => undefined)
  }
}
