import path from "path"
import { Client } from "pg"
import { startFakeTwilio } from "../../integration-tests/fakes/twilio-server"
import { appEnv, httpClient, prepareApp, startApp } from "../../integration-tests/helpers/app-process"
import { freePort } from "../../integration-tests/helpers/free-port"
import { databaseUrl, dropDatabase, ensureDatabase, serviceAddresses } from "../../integration-tests/helpers/services"
import { placeOrder } from "../../integration-tests/helpers/storefront"
import { ACCOUNT_SID, AUTH_TOKEN } from "./harness"
import { percentile, round, type Figures } from "./sections"

/**
 * From `order.placed` to the provider's request, in the real Medusa app with the plugin installed:
 * orders go through the store API; the latency is the time between the order's creation and the
 * moment the fake Twilio received its confirmation.
 */
export async function orderPlacedLatency(orders: number): Promise<Figures> {
  const dbName = `sms_rcs_bench_latency_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 5 })
  const port = await freePort()
  const run = `${process.pid}-${Date.now().toString(36)}`
  const env = appEnv(dbName, {
    MEDUSA_ADMIN_DISABLED: "true",
    SMS_RCS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_BASE_URL: fake.url,
    SMS_RCS_PUBLIC_URL: `http://localhost:${port}`,
    SMS_RCS_QUEUE_NAME: `sms-rcs-bench-${run}`,
    EVENT_BUS_QUEUE_NAME: `medusa-events-bench-${run}`,
    LOG_LEVEL: "error",
  })
  const store = prepareApp(env)
  const app = await startApp(env, { port, logFile: path.join(__dirname, "..", "..", ".demo", "bench-medusa.log") })
  const db = new Client({ ...serviceAddresses().postgres, database: dbName })
  try {
    const http = httpClient(app.url)
    const placed: string[] = []
    for (let i = 0; i < orders; i++) {
      const order = await placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: `bench${i}@example.com`,
        phone: `+3361${String(i).padStart(7, "0")}`,
      })
      placed.push(order.id)
    }
    for (let i = 0; i < 200 && fake.accepted.length < orders; i++) await new Promise((r) => setTimeout(r, 100))

    await db.connect()
    const { rows } = await db.query(
      `select m.id, o.created_at from sms_rcs_message m join "order" o on o.id = m.order_id where m.order_id = any($1)`,
      [placed]
    )
    const createdAt = new Map(rows.map((r: any) => [r.id, new Date(r.created_at).getTime()]))
    const latencies = fake.accepted
      .filter((m) => m.message_id && createdAt.has(m.message_id))
      .map((m) => m.received_at - createdAt.get(m.message_id!)!)
      .sort((a, b) => a - b)
    return {
      order_placed_to_provider_p50: { value: round(percentile(latencies, 50)), unit: "ms" },
      order_placed_to_provider_p99: { value: round(percentile(latencies, 99)), unit: "ms" },
      order_placed_samples: { value: latencies.length, unit: "orders" },
    }
  } finally {
    await db.end().catch(() => undefined)
    await app.stop()
    await fake.close()
    await dropDatabase(dbName).catch(() => undefined)
  }
}
