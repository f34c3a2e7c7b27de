import { Client } from "pg"
import IORedis from "ioredis"
import { type PreparedVariant, type RenderContext } from "../../src/lib/campaigns"
import { appEnv, prepareApp } from "../../integration-tests/helpers/app-process"
import { databaseUrl, dropDatabase, ensureDatabase, serviceAddresses } from "../../integration-tests/helpers/services"
import { bootModule } from "./module-app"
import { round, type Figures } from "./sections"

/** Recipients per fan-out page in the bench (the job's default is 2,000). */
const PAGE = 5_000

/**
 * A campaign to `audience` synthetic customers, planned and enqueued: a Medusa database (all modules
 * migrated) gets `audience` customers with marketing consent (INSERT … SELECT generate_series, one
 * statement each), then the built `messaging` module fans a 2-variant campaign out page by page exactly
 * as the job does — segment SQL page by keyset, text per recipient with a tracked link, one INSERT of
 * messages and links per page — and feeds the queue (a Redis of its own) its first window: the messages
 * due within two minutes, at most 120k, as one run of the job does. The module boots in Medusa's default
 * (shared) mode, so its worker may start sending meanwhile and compete for the CPU: the figures are
 * conservative. Peak RSS is sampled every 50 ms; it should stay flat as the audience grows.
 */
export async function campaignFanOut(redisUrl: string, audience: number): Promise<Figures> {
  const dbName = `sms_rcs_bench_campaign_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const run = `${process.pid}-${Date.now().toString(36)}`
  prepareApp(appEnv(dbName, { MEDUSA_ADMIN_DISABLED: "true", LOG_LEVEL: "error" }))
  const db = new Client({ ...serviceAddresses().postgres, database: dbName })
  await db.connect()
  const queueName = `sms-rcs-bench-campaign-${run}`
  const module = await bootModule({
    databaseUrl: databaseUrl(dbName),
    options: { redisUrl, queueName, tracking: { baseUrl: "https://go.example.com" }, pricing: { currency: "EUR", sms: { FR: 0.045, default: 0.07 }, rcs: { default: 0.03 } } },
    workerMode: "server",
  })
  const redis = new IORedis(redisUrl)
  try {
    const seeded = Date.now()
    await db.query(
      `INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
       SELECT 'cus_b' || lpad(g::text, 8, '0'), 'c' || g || '@bench.test', 'Client' || g, 'Bench', false, now(), now()
         FROM generate_series(1, $1) g`,
      [audience]
    )
    await db.query(
      `INSERT INTO sms_rcs_consent (id, phone, customer_id, purpose, channel, status, granted_at, last_event_at)
       SELECT 'smscons_b' || g, '+3361' || lpad(g::text, 7, '0'), 'cus_b' || lpad(g::text, 8, '0'), 'marketing', 'all', 'granted', now(), now()
         FROM generate_series(1, $1) g`,
      [audience]
    )
    await db.query(`ANALYZE customer; ANALYZE sms_rcs_consent`)
    const seedSeconds = (Date.now() - seeded) / 1000

    const definition = { match: "all" as const, rules: [] }
    const store = module.service.campaigns.store
    const counted = Date.now()
    const eligible = await store.count(definition)
    const countMs = Date.now() - counted

    const { rows: [campaign] } = await db.query(
      `INSERT INTO sms_rcs_campaign (id, name, status, segment_id, variants, phase, planned_count, started_at, audience_count)
       VALUES ('smscamp_bench', 'Bench', 'sending', 'smsseg_bench', $1, 'all', 0, now(), $2) RETURNING *`,
      [JSON.stringify([{ id: "a", name: "A", weight: 50 }, { id: "b", name: "B", weight: 50 }]), eligible]
    )
    const context: RenderContext = {
      campaign_id: campaign.id,
      locale: "fr-FR",
      common: { store_name: "Maison Demo" },
      optOutText: { en: "Reply STOP to opt out", fr: "STOP au 36180" },
      smartEncoding: false,
      trackingBaseUrl: "https://go.example.com",
      trackableHosts: ["shop.example.com"],
      rcsChannel: false,
      pricing: { currency: "EUR", sms: { FR: 0.045, default: 0.07 }, rcs: { default: 0.03 } },
    }
    const variants: PreparedVariant[] = [
      { id: "a", template_key: "campaign", sms_body: "{{store_name}}: {{first_name}}, -20% this week: https://shop.example.com/sale", rcs_payload: null },
      { id: "b", template_key: "campaign", sms_body: "{{store_name}}: {{first_name}}, free shipping: https://shop.example.com/sale", rcs_payload: null },
    ]

    global.gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const started = Date.now()
    const { planned, pages } = await module.service.campaigns.plan(campaign, definition, variants, context, PAGE)
    const seconds = (Date.now() - started) / 1000
    const feedStarted = Date.now()
    const fed = await module.service.campaigns.feed(campaign.id)
    const feedSeconds = (Date.now() - feedStarted) / 1000
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)

    const { rows: [rowCounts] } = await db.query(
      `SELECT count(*)::int AS messages, count(DISTINCT "to")::int AS phones,
              count(*) FILTER (WHERE campaign_variant = 'a')::int AS a
         FROM sms_rcs_message WHERE campaign_id = $1`,
      [campaign.id]
    )
    const redisMemory = Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1])
    const k = audience >= 1_000_000 ? `${audience / 1_000_000}m` : `${audience / 1000}k`
    return {
      [`campaign_${k}_seed`]: { value: round(seedSeconds, 1), unit: "s (customers + consents, not timed below)" },
      [`campaign_${k}_count`]: { value: countMs, unit: `ms (segment count: ${eligible} eligible)` },
      [`campaign_${k}_planned`]: { value: round(seconds, 1), unit: `s (${rowCounts.messages} queued message rows with their links, ${pages} pages)` },
      // the name for the 1M figure: seconds to plan every recipient
      [`campaign_${k}_plan_s`]: { value: round(seconds, 1), unit: "s" },
      [`campaign_${k}_plan_rate`]: { value: round(planned / seconds), unit: "messages/s planned" },
      [`campaign_${k}_first_feed`]: { value: round(feedSeconds, 1), unit: `s (${fed} jobs into BullMQ: the messages due in the next 2 minutes, at most 120k)` },
      [`campaign_${k}_feed_rate`]: { value: round(fed / feedSeconds), unit: "jobs/s enqueued" },
      [`campaign_${k}_peak_rss`]: { value: round(peak / 2 ** 20), unit: `MiB (baseline before fan-out ${round(baseline / 2 ** 20)} MiB)` },
      [`campaign_${k}_variant_a_share`]: { value: round((100 * rowCounts.a) / rowCounts.messages, 1), unit: "% (split 50/50)" },
      [`campaign_${k}_duplicates`]: { value: rowCounts.messages - rowCounts.phones, unit: "messages to a phone twice" },
      [`campaign_${k}_redis_memory`]: { value: round(redisMemory / 2 ** 20), unit: "MiB (Redis after enqueue)" },
    }
  } finally {
    redis.disconnect()
    await module.shutdown()
    await db.end().catch(() => undefined)
    await dropDatabase(dbName).catch(() => undefined)
  }
}
