import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { incrementality, MIN_RECIPIENTS_PER_GROUP, type GroupOutcome, type IncrementalityFigures } from "../../../lib/analytics/incrementality"
import { withStatementTimeout } from "../statement-timeout"

export type IncrementalityQuery = { from: Date; to: Date; currency?: string }

export type IncrementalityRow = {
  kind: "automation" | "campaign"
  /** The automation's key or the campaign's id. */
  key: string
  /** The campaign's name, for the table. */
  name: string | null
  /** "sms", "rcs", or "all" for the automation or campaign as a whole. */
  channel: "sms" | "rcs" | "all"
} & IncrementalityFigures

/**
 * The recipients of marketing automation and campaign messages exposed in the period, one row per
 * recipient (phone, else the message for an erased one) and group, then per automation or campaign,
 * channel (and "all") and group: how many, and the buyers' order counts and revenue (orders in the
 * report's currency, each counted once per recipient). Treated: the message reached the provider (or
 * its SMS fallback did); held out: `held_out`. A fallback SMS is its RCS message's exposure, not a
 * recipient of its own.
 */
const GROUPS_SQL = `
  WITH exposed AS (
    -- treated: sent in the period (the sent_at index) …
    SELECT m.id FROM sms_rcs_message m WHERE m.sent_at >= ? AND m.sent_at < ? AND m.fallback_of_id IS NULL
    UNION
    -- … or an RCS message never sent whose SMS fallback was
    SELECT f.fallback_of_id FROM sms_rcs_message f
      JOIN sms_rcs_message o ON o.id = f.fallback_of_id AND o.sent_at IS NULL
     WHERE f.sent_at >= ? AND f.sent_at < ?
    UNION
    -- held out: when it would have gone (the status index)
    SELECT m.id FROM sms_rcs_message m
     WHERE m.status = 'held_out' AND coalesce(m.send_after, m.created_at) >= ? AND coalesce(m.send_after, m.created_at) < ?
  ),
  e AS (
    SELECT m.id,
           CASE WHEN m.campaign_id IS NOT NULL THEN 'campaign' ELSE 'automation' END AS kind,
           coalesce(m.campaign_id, m.automation) AS key,
           m.channel,
           (m.status = 'held_out') AS held,
           coalesce(m."to", m.id) AS who
      FROM exposed JOIN sms_rcs_message m ON m.id = exposed.id
     WHERE m.deleted_at IS NULL AND m.purpose = 'marketing'
       AND (m.campaign_id IS NOT NULL OR m.automation IS NOT NULL)
       AND NOT coalesce(m.metadata->>'test' = 'true', false)
  ),
  -- only what has a held-out group to compare with
  compared AS (SELECT kind, key FROM e GROUP BY kind, key HAVING bool_or(held)),
  x AS (
    SELECT e.id, e.kind, e.key, e.channel::text AS channel, e.held, e.who FROM e JOIN compared USING (kind, key)
    UNION ALL
    SELECT e.id, e.kind, e.key, 'all', e.held, e.who FROM e JOIN compared USING (kind, key)
  ),
  rec AS (SELECT kind, key, channel, held, who FROM x GROUP BY kind, key, channel, held, who),
  bought AS (
    SELECT DISTINCT x.kind, x.key, x.channel, x.held, x.who, r.order_id, r.order_total
      FROM x JOIN sms_rcs_recipient_order r ON r.message_id = x.id AND r.deleted_at IS NULL
     WHERE ?::text IS NULL OR upper(r.currency_code) = ?
  ),
  buyer AS (
    SELECT kind, key, channel, held, who, count(*)::int AS orders, sum(order_total)::float AS revenue
      FROM bought GROUP BY kind, key, channel, held, who
  )
  SELECT rec.kind, rec.key, rec.channel, rec.held, count(*)::int AS recipients,
         coalesce(json_agg(json_build_object('orders', buyer.orders, 'revenue', buyer.revenue)) FILTER (WHERE buyer.who IS NOT NULL), '[]') AS buyers
    FROM rec LEFT JOIN buyer USING (kind, key, channel, held, who)
   GROUP BY rec.kind, rec.key, rec.channel, rec.held
   ORDER BY rec.kind, rec.key, rec.channel`

type GroupRow = { kind: "automation" | "campaign"; key: string; channel: IncrementalityRow["channel"]; held: boolean; recipients: number; buyers: GroupOutcome["buyers"] }

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits)

/** Figures rounded for the API (money to the cent, rates to 4 decimals), computed unrounded. */
function rounded(figures: IncrementalityFigures): IncrementalityFigures {
  const group = (g: IncrementalityFigures["treated"]) => ({
    ...g,
    revenue: round(g.revenue, 2)!,
    conversion_rate: round(g.conversion_rate, 4),
    orders_per_recipient: round(g.orders_per_recipient, 4),
    revenue_per_recipient: round(g.revenue_per_recipient, 4),
  })
  const interval = (i: { low: number; high: number } | null, digits: number) => i && { low: round(i.low, digits)!, high: round(i.high, digits)! }
  return {
    ...figures,
    treated: group(figures.treated),
    held_out: group(figures.held_out),
    incremental_revenue: round(figures.incremental_revenue, 2)!,
    incremental_revenue_interval: interval(figures.incremental_revenue_interval, 2),
    conversion_lift: round(figures.conversion_lift, 4),
    revenue_lift: round(figures.revenue_lift, 4),
    revenue_per_recipient_difference_interval: interval(figures.revenue_per_recipient_difference_interval, 4),
    conversion_test: figures.conversion_test && {
      difference: round(figures.conversion_test.difference, 4)!,
      z: round(figures.conversion_test.z, 4)!,
      p_value: round(figures.conversion_test.p_value, 4)!,
      interval: interval(figures.conversion_test.interval, 4)!,
    },
  }
}

/**
 * The incrementality report: per automation and campaign with a holdout in the period, per channel and
 * overall, treated against held out (lib/analytics/incrementality.ts), in one currency — `currency`,
 * else the pricing's, else the one most counted orders were in.
 */
export async function incrementalityReport(
  knex: Knex,
  query: IncrementalityQuery,
  settings: { pricingCurrency: string | null; statementTimeoutMs: number }
) {
  return withStatementTimeout(knex, settings.statementTimeoutMs, { name: "The incrementality report", narrow: "choose a shorter period" }, async (trx) => {
    let currency = query.currency?.toUpperCase() ?? settings.pricingCurrency?.toUpperCase() ?? null
    if (!currency) {
      const top = await trx("sms_rcs_recipient_order")
        .select(trx.raw("upper(currency_code) AS c"))
        .count("* as n")
        .whereNull("deleted_at")
        .groupByRaw("upper(currency_code)")
        .orderBy("n", "desc")
        .first()
      currency = (top?.c as string | undefined) ?? null
    }
    const { rows } = (await trx.raw(GROUPS_SQL, [query.from, query.to, query.from, query.to, query.from, query.to, currency, currency])) as { rows: GroupRow[] }
    const names = new Map<string, string>()
    const campaignIds = [...new Set(rows.filter((r) => r.kind === "campaign").map((r) => r.key))]
    if (campaignIds.length) {
      for (const c of await trx("sms_rcs_campaign").select("id", "name").whereIn("id", campaignIds)) names.set(c.id, c.name)
    }
    const byKey = new Map<string, { kind: GroupRow["kind"]; key: string; channel: GroupRow["channel"]; treated: GroupOutcome; held: GroupOutcome }>()
    for (const row of rows) {
      const id = `${row.kind}\u0000${row.key}\u0000${row.channel}`
      const entry = byKey.get(id) ?? { kind: row.kind, key: row.key, channel: row.channel, treated: { recipients: 0, buyers: [] }, held: { recipients: 0, buyers: [] } }
      entry[row.held ? "held" : "treated"] = { recipients: row.recipients, buyers: row.buyers }
      byKey.set(id, entry)
    }
    const out: IncrementalityRow[] = [...byKey.values()].map((entry) => ({
      kind: entry.kind,
      key: entry.key,
      name: entry.kind === "campaign" ? names.get(entry.key) ?? null : entry.key,
      channel: entry.channel,
      ...rounded(incrementality(entry.treated, entry.held)),
    }))
    return { currency, min_recipients_per_group: MIN_RECIPIENTS_PER_GROUP, rows: out }
  })
}
