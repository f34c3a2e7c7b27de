import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { withStatementTimeout } from "../statement-timeout"

export const ANALYTICS_DIMENSIONS = ["channel", "template", "automation", "campaign", "variant", "day"] as const
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number]

const DIMENSION_SQL: Record<AnalyticsDimension, string> = {
  channel: "m.channel",
  template: "coalesce(m.template_key, '(none)')",
  automation: "coalesce(m.automation, CASE WHEN m.campaign_id IS NOT NULL THEN '(campaign)' ELSE '(none)' END)",
  campaign: "coalesce(m.campaign_id, '(none)')",
  /** A campaign's A/B variant (its id in the campaign); use with `campaign_id` or group by campaign too. */
  variant: "coalesce(m.campaign_variant, '(none)')",
  /** The day in the report's zone (the store's by default), so 23:30 in Paris counts on the Paris day. */
  day: "m.local_day",
}

/**
 * Test sends (the providers page's and the template editor's) are written with `metadata.test = true`, and
 * an SMS fallback copies its RCS message's metadata: they are the owner's own phone, not the store's
 * audience, so they stay out of every figure and are counted apart.
 */
const IS_TEST_SEND = "coalesce(metadata->>'test' = 'true', false)"

export type AnalyticsQuery = {
  from: Date
  to: Date
  group_by: AnalyticsDimension[]
  currency?: string
  /** Only this campaign's messages (its results per variant). */
  campaign_id?: string
  /** The IANA zone whose calendar days `day` groups by; UTC when not given. */
  time_zone?: string
}

export type AnalyticsRow = Record<string, string | number | null> & {
  sent: number
  delivered: number
  read: number
  clicks: number
  unique_clicks: number
  orders: number
  revenue: number
  unsubscribes: number
  segments: number
  cost: number
  ctr: number | null
  conversion_rate: number | null
  revenue_per_message: number | null
  unsubscribe_rate: number | null
  roi: number | null
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null)

/**
 * (revenue − cost) ÷ cost, where it means something: without a cost there is nothing to return on, and
 * without revenue "−100 %" says only that nothing was sold, which the revenue already says.
 */
const roiOf = (revenue: number, cost: number) => (cost > 0 && revenue > 0 ? Math.round(((revenue - cost) / cost) * 10_000) / 10_000 : null)

/**
 * Message metrics for a period, grouped by up to two dimensions, in one SQL statement: messages of the
 * period by their `sent_at` index, with their clicks (bots left out), attributed orders and the STOPs
 * that followed them within a day, aggregated per message first, so nothing is loaded row by row.
 */
export async function messageAnalytics(knex: Knex, query: AnalyticsQuery, currency: string | null) {
  const dims = query.group_by.length ? query.group_by : []
  const select = dims.map((d, i) => `${DIMENSION_SQL[d]} AS d${i}`)
  const groupBy = dims.map((_, i) => `d${i}`)
  const { rows } = await knex.raw(
    `WITH m AS (
       SELECT id, channel, template_key, automation, campaign_id, campaign_variant, segments, cost_amount, sent_at, delivered_at, read_at, "to",
              to_char(sent_at AT TIME ZONE ?, 'YYYY-MM-DD') AS local_day
         FROM sms_rcs_message
        WHERE deleted_at IS NULL AND sent_at >= ? AND sent_at < ? AND NOT ${IS_TEST_SEND}${query.campaign_id ? " AND campaign_id = ?" : ""}
     ),
     c AS (
       SELECT c.message_id, count(*) AS clicks
         FROM sms_rcs_click c JOIN m ON m.id = c.message_id
        WHERE c.is_bot = false AND c.deleted_at IS NULL
        GROUP BY c.message_id
     ),
     a AS (
       SELECT a.message_id,
              count(*) FILTER (WHERE ?::text IS NULL OR upper(a.currency_code) = ?) AS orders,
              coalesce(sum(a.order_total) FILTER (WHERE ?::text IS NULL OR upper(a.currency_code) = ?), 0) AS revenue
         FROM sms_rcs_attribution a JOIN m ON m.id = a.message_id
        WHERE a.deleted_at IS NULL
        GROUP BY a.message_id
     ),
     u AS (
       SELECT DISTINCT m.id AS message_id
         FROM m JOIN sms_rcs_inbound_message i
           ON i."from" = m."to" AND i.intent IN ('stop', 'stop_all') AND i.deleted_at IS NULL
          AND i.received_at >= m.sent_at AND i.received_at < m.sent_at + interval '24 hours'
     )
     SELECT ${[...select, ""].join(", ")}
            count(*)::int AS sent,
            count(m.delivered_at)::int AS delivered,
            count(m.read_at)::int AS read,
            coalesce(sum(c.clicks), 0)::int AS clicks,
            count(c.message_id)::int AS unique_clicks,
            coalesce(sum(a.orders), 0)::int AS orders,
            coalesce(sum(a.revenue), 0)::float AS revenue,
            count(u.message_id)::int AS unsubscribes,
            coalesce(sum(m.segments), 0)::int AS segments,
            coalesce(sum(m.cost_amount), 0)::float AS cost
       FROM m
       LEFT JOIN c ON c.message_id = m.id
       LEFT JOIN a ON a.message_id = m.id
       LEFT JOIN u ON u.message_id = m.id
      ${groupBy.length ? `GROUP BY ${groupBy.join(", ")} ORDER BY ${groupBy.join(", ")}` : ""}`,
    [query.time_zone ?? "UTC", query.from, query.to, ...(query.campaign_id ? [query.campaign_id] : []), currency, currency, currency, currency]
  )
  return (rows as any[]).map((row) => {
    const out: AnalyticsRow = {
      ...Object.fromEntries(dims.map((d, i) => [d, row[`d${i}`]])),
      sent: row.sent,
      delivered: row.delivered,
      read: row.read,
      clicks: row.clicks,
      unique_clicks: row.unique_clicks,
      orders: row.orders,
      revenue: Math.round(row.revenue * 100) / 100,
      unsubscribes: row.unsubscribes,
      segments: row.segments,
      cost: Math.round(row.cost * 10_000) / 10_000,
      ctr: ratio(row.unique_clicks, row.delivered),
      conversion_rate: ratio(row.orders, row.delivered),
      revenue_per_message: row.sent ? Math.round((row.revenue / row.sent) * 10_000) / 10_000 : null,
      unsubscribe_rate: ratio(row.unsubscribes, row.delivered),
      roi: roiOf(row.revenue, row.cost),
    }
    return out
  })
}

/** How many test sends the period holds (left out of the figures; the page says so). */
async function testSendCount(knex: Knex, query: AnalyticsQuery): Promise<number> {
  if (query.campaign_id) return 0 // a campaign's messages are never test sends
  const { rows } = await knex.raw(
    `SELECT count(*)::int AS n FROM sms_rcs_message WHERE deleted_at IS NULL AND sent_at >= ? AND sent_at < ? AND ${IS_TEST_SEND}`,
    [query.from, query.to]
  )
  return rows[0]?.n ?? 0
}

/**
 * The analytics report: the rows of `query` and their totals, in one currency — `currency`, else the
 * pricing's, else the one most orders were in (no conversion: ROI compares revenue with cost only when
 * both are in that currency) — each query stopped past `statementTimeoutMs` with a clear error.
 */
export async function analyticsReport(
  knex: Knex,
  query: AnalyticsQuery,
  settings: { pricingCurrency: string | null; statementTimeoutMs: number }
) {
  let currency = query.currency?.toUpperCase() ?? settings.pricingCurrency
  if (!currency) {
    const top = await knex("sms_rcs_attribution")
      .select(knex.raw("upper(currency_code) AS c"))
      .count("* as n")
      .whereNull("deleted_at")
      .groupByRaw("upper(currency_code)")
      .orderBy("n", "desc")
      .first()
    currency = (top?.c as string | undefined) ?? null
  }
  const [rows, [totals], testMessages] = await withStatementTimeout(
    knex,
    settings.statementTimeoutMs,
    { name: "The analytics report", narrow: "choose a shorter period or fewer dimensions" },
    (trx) =>
      Promise.all([
        messageAnalytics(trx, query, currency),
        messageAnalytics(trx, { ...query, group_by: [] }, currency),
        testSendCount(trx, query),
      ])
  )
  return {
    currency,
    cost_currency: settings.pricingCurrency,
    time_zone: query.time_zone ?? "UTC",
    rows,
    totals,
    test_messages: testMessages,
  }
}
