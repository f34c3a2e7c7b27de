import http from "http"
import path from "path"
import { Client } from "pg"
import { appEnv, prepareApp, startApp } from "../../integration-tests/helpers/app-process"
import { freePort } from "../../integration-tests/helpers/free-port"
import { databaseUrl, dropDatabase, ensureDatabase, serviceAddresses } from "../../integration-tests/helpers/services"
import { bootModule, migrateModule } from "./module-app"
import { percentile, round, type Figures } from "./sections"

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"

/**
 * The redirect in the real Medusa app: `links` tracked links, then requests at `rate` per second for
 * `seconds` over loopback (keep-alive, as a phone's browser would not share one, but the server's work is
 * the same); latency from request to the 302's headers.
 */
export async function redirectLatency(rate: number, seconds: number, links = 1_000): Promise<Figures> {
  const dbName = `sms_rcs_bench_redirect_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const port = await freePort()
  const run = `${process.pid}-${Date.now().toString(36)}`
  const env = appEnv(dbName, {
    MEDUSA_ADMIN_DISABLED: "true",
    SMS_RCS_QUEUE_NAME: `sms-rcs-bench-${run}`,
    EVENT_BUS_QUEUE_NAME: `medusa-events-bench-${run}`,
    SMS_RCS_TRACKING_BASE_URL: `http://localhost:${port}`,
    LOG_LEVEL: "error",
  })
  prepareApp(env)
  const app = await startApp(env, { port, logFile: path.join(__dirname, "..", "..", ".demo", "bench-redirect.log") })
  const db = new Client({ ...serviceAddresses().postgres, database: dbName })
  try {
    await db.connect()
    const { rows } = await db.query(
      `INSERT INTO sms_rcs_tracked_link (id, code, target_url, message_id, channel, expires_at)
       SELECT 'smslnk_bench' || g, 'BENCH' || lpad(g::text, 6, '0'), 'https://shop.example.com/p/' || g || '?utm_source=sms',
              'msg_bench' || g, 'sms', now() + interval '90 days'
         FROM generate_series(1, $1) g
       RETURNING code`,
      [links]
    )
    const codes = rows.map((r) => r.code as string)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
    const request = (path: string, expected: number) =>
      new Promise<number>((resolve, reject) => {
        const started = process.hrtime.bigint()
        const req = http.get({ host: "127.0.0.1", port, path, agent, headers: { "user-agent": PHONE_UA } }, (res) => {
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6
          res.resume()
          res.statusCode === expected ? resolve(elapsed) : reject(new Error(`status ${res.statusCode}`))
        })
        req.on("error", reject)
      })
    const get = (code: string) => request(`/r/${code}`, 302)
    /** Closed loop, 32 at a time for `ms`: the most requests per second the app answers on `path`. */
    const capacity = async (path: string, expected: number, ms: number) => {
      let done = 0
      const until = Date.now() + ms
      await Promise.all(
        Array.from({ length: 32 }, async (_, w) => {
          for (let i = w; Date.now() < until; i += 32) {
            await request(path.replace("%", codes[i % codes.length]), expected)
            done++
          }
        })
      )
      return done / (ms / 1000)
    }
    // warm-up: the first requests compile routes and fill connection pools
    for (let i = 0; i < 200; i++) await get(codes[i % codes.length])

    // what this machine allows at all: Medusa's own health route (no database) against the redirect
    const healthCapacity = await capacity("/health", 200, 5_000)
    const redirectCapacity = await capacity("/r/%", 302, 5_000)

    /** Open loop: request i leaves at i / rate seconds, whether earlier ones answered or not. */
    const openLoop = async (rate: number) => {
      const total = Math.round(rate * seconds)
      const latencies: number[] = []
      let errors = 0
      const started = Date.now()
      const inFlight: Promise<void>[] = []
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / rate
        const wait = due - Date.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        inFlight.push(
          get(codes[i % codes.length]).then(
            (ms) => void latencies.push(ms),
            () => void errors++
          )
        )
      }
      await Promise.all(inFlight)
      latencies.sort((a, b) => a - b)
      return { latencies, errors, elapsed: (Date.now() - started) / 1000 }
    }
    // at the asked rate (1,000 req/s: a campaign's taps), then at half of what the app can answer
    const { latencies, errors, elapsed } = await openLoop(rate)
    const half = await openLoop(Math.max(1, redirectCapacity / 2))
    agent.destroy()
    const { rows: clicks } = await db.query(`SELECT count(*)::int AS n FROM sms_rcs_click`)
    return {
      redirect_rate_achieved: { value: round(latencies.length / elapsed), unit: "req/s" },
      redirect_p50: { value: round(percentile(latencies, 50), 2), unit: "ms" },
      redirect_p99: { value: round(percentile(latencies, 99), 2), unit: "ms" },
      redirect_errors: { value: errors, unit: "requests" },
      redirect_clicks_recorded: { value: clicks[0].n, unit: "clicks" },
      redirect_capacity: { value: round(redirectCapacity), unit: "req/s (closed loop, 32 at a time)" },
      medusa_health_capacity: { value: round(healthCapacity), unit: "req/s (GET /health, same loop)" },
      redirect_capacity_vs_health: { value: round(redirectCapacity / healthCapacity, 2), unit: "×" },
      redirect_half_capacity_rate: { value: round(half.latencies.length / half.elapsed), unit: "req/s" },
      redirect_p99_half_capacity_ms: { value: round(percentile(half.latencies, 99), 2), unit: "ms" },
      redirect_half_capacity_errors: { value: half.errors, unit: "requests" },
    }
  } finally {
    await db.end().catch(() => undefined)
    await app.stop()
    await dropDatabase(dbName).catch(() => undefined)
  }
}

/**
 * Attribution at `order.placed` with `clicks` stored clicks: messages to 100k phones, clicks spread over
 * them (bots among them), then `orders` attributions of orders from phones that got messages.
 */
export async function attributionLatency(redisUrl: string, clicks: number, orders: number): Promise<Figures> {
  const dbName = `sms_rcs_bench_attribution_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const url = databaseUrl(dbName)
  const options = { redisUrl, queueName: `sms-rcs-bench-attr-${process.pid}` }
  await migrateModule(url, options)
  const phones = 100_000
  const messages = phones * 2
  const db = new Client({ ...serviceAddresses().postgres, database: dbName })
  await db.connect()
  const module = await bootModule({ databaseUrl: url, options, workerMode: "server" })
  try {
    // two marketing messages per phone over the last ten days, then the clicks on them
    await db.query(
      `INSERT INTO sms_rcs_message (id, "to", channel, purpose, status, idempotency_key, segments, sent_at, delivered_at, customer_id)
       SELECT 'msg_b' || g, '+3361' || lpad((g % $1)::text, 7, '0'), CASE WHEN g % 3 = 0 THEN 'rcs' ELSE 'sms' END, 'marketing',
              'delivered', 'bench:' || g, 1, now() - (g % 240) * interval '1 hour', now() - (g % 240) * interval '1 hour' + interval '2 seconds',
              'cus_b' || (g % $1)
         FROM generate_series(1, $2) g`,
      [phones, messages]
    )
    await db.query(
      `INSERT INTO sms_rcs_click (id, message_id, kind, is_bot, occurred_at)
       SELECT 'clk_b' || g, 'msg_b' || (1 + g % $1), 'link', g % 10 = 0, now() - (g % 200) * interval '1 hour'
         FROM generate_series(1, $2) g`,
      [messages, clicks]
    )
    await db.query(`ANALYZE sms_rcs_message; ANALYZE sms_rcs_click`)
    const latencies: number[] = []
    let attributed = 0
    for (let i = 0; i < orders; i++) {
      const n = (i * 7919) % phones
      const started = process.hrtime.bigint()
      const result = await module.service.attributeOrder({
        order_id: `order_bench_${i}`,
        placed_at: new Date(),
        total: 54.9,
        currency_code: "eur",
        phone: `+3361${String(n).padStart(7, "0")}`,
        customer_id: `cus_b${n}`,
        ref_code: null,
        promo_codes: [],
      })
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
      if (result) attributed++
    }
    latencies.sort((a, b) => a - b)
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM sms_rcs_click`)
    return {
      attribution_stored_clicks: { value: rows[0].n, unit: "clicks" },
      attribution_p50: { value: round(percentile(latencies, 50), 2), unit: "ms" },
      attribution_p99: { value: round(percentile(latencies, 99), 2), unit: "ms" },
      attribution_p99_ms: { value: round(percentile(latencies, 99), 2), unit: "ms" },
      attribution_credited: { value: attributed, unit: `of ${orders} orders` },
    }
  } finally {
    await module.shutdown().catch(() => undefined)
    await db.end().catch(() => undefined)
    await dropDatabase(dbName).catch(() => undefined)
  }
}
