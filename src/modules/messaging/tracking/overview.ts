import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Providers } from "../../../providers"
import { checkProviderHealth } from "../dispatch/gateways"

/** A kind of failure of the last 24 hours: its code (what the reason starts with) and how many. */
export type FailureReason = { code: string; reason: string; count: number }

export type ProviderHealthLine = { id: string; roles: ("sms" | "rcs")[]; ok: boolean; detail: string; checked_at: string }

/** The state of the store's messaging, as the Messaging page shows it. */
export type MessagingOverview = {
  time_zone: string
  /** Texts handed to a provider since midnight / the 1st of the month in the store's zone (tests left out). */
  sent_today: number
  sent_this_month: number
  /** Test sends (providers page, template editor) since midnight, counted apart. */
  test_sends_today: number
  failures_24h: { total: number; reasons: FailureReason[] }
  /** Phones that revoked a consent since Monday 00:00 in the store's zone. */
  opt_outs_this_week: number
  /** Estimated cost of this month's texts, per currency (the configured prices' currency). */
  spend_this_month: { currency_code: string; amount: number }[]
  next_campaign: { id: string; name: string; scheduled_at: string; time_zone: string | null } | null
  providers: ProviderHealthLine[]
}

/** A test send (providers page, template editor) carries `metadata.test`: it is no customer's text. */
const NOT_TEST = `coalesce(metadata->>'test', 'false') <> 'true'`
const IS_TEST = `coalesce(metadata->>'test', 'false') = 'true'`

/**
 * An RCS message whose SMS fallback went out (or is on its way) is no failure to the owner: the customer
 * has the text. If the fallback fails too, both are listed: each failed for its own reason.
 */
const NOT_REPLACED = `NOT EXISTS (SELECT 1 FROM sms_rcs_message f
  WHERE f.fallback_of_id = sms_rcs_message.id AND f.deleted_at IS NULL AND f.status <> 'failed')`

/** The code of a reason "SBX_INVALID_DESTINATION: the destination…", or the reason itself when it has none. */
const CODE_SQL = `CASE WHEN position(':' in status_reason) > 0 THEN split_part(status_reason, ':', 1) ELSE coalesce(status_reason, 'unknown') END`

/** A health check that does not answer in time is reported as failed, not waited for. */
const HEALTH_TIMEOUT_MS = 5000
/** Checks are harmless calls to the gateway, but not free: one per provider per minute at most. */
const HEALTH_CACHE_MS = 60_000

/**
 * The figures of the Messaging overview, each one SQL statement over indexed columns. Day, month and week
 * start at midnight in the store's zone (PostgreSQL does the zone arithmetic, daylight saving included),
 * so "today" is the owner's today, not UTC's.
 */
export class MessagingOverviewReport {
  private readonly health = new Map<string, { at: number; line: Promise<ProviderHealthLine> }>()

  constructor(
    private readonly knex: Knex,
    private readonly providers: Providers,
    private readonly timeZone: string
  ) {}

  async report(now: Date = new Date()): Promise<MessagingOverview> {
    const [counts, reasons, optOuts, spend, campaign, providers] = await Promise.all([
      this.sentCounts(now),
      this.failureReasons(now),
      this.optOuts(now),
      this.spend(now),
      this.nextCampaign(now),
      this.providerHealth(),
    ])
    return {
      time_zone: this.timeZone,
      ...counts,
      failures_24h: { total: reasons.reduce((n, r) => n + r.count, 0), reasons },
      opt_outs_this_week: optOuts,
      spend_this_month: spend,
      next_campaign: campaign,
      providers,
    }
  }

  /** `date_trunc(unit)` of `now` in the store's zone, as a timestamptz. */
  private startOf(unit: "day" | "week" | "month") {
    return `(date_trunc('${unit}', ?::timestamptz AT TIME ZONE ?) AT TIME ZONE ?)`
  }

  private async sentCounts(now: Date) {
    const { rows } = await this.knex.raw(
      `SELECT count(*) FILTER (WHERE sent_at >= ${this.startOf("day")} AND ${NOT_TEST})::int AS sent_today,
              count(*) FILTER (WHERE ${NOT_TEST})::int AS sent_this_month,
              count(*) FILTER (WHERE sent_at >= ${this.startOf("day")} AND ${IS_TEST})::int AS test_sends_today
         FROM sms_rcs_message
        WHERE deleted_at IS NULL AND sent_at >= ${this.startOf("month")} AND sent_at <= ?`,
      [now, this.timeZone, this.timeZone, now, this.timeZone, this.timeZone, now, this.timeZone, this.timeZone, now]
    )
    const row = rows[0] ?? {}
    return { sent_today: row.sent_today ?? 0, sent_this_month: row.sent_this_month ?? 0, test_sends_today: row.test_sends_today ?? 0 }
  }

  private async failureReasons(now: Date): Promise<FailureReason[]> {
    const { rows } = await this.knex.raw(
      `SELECT ${CODE_SQL} AS code, min(status_reason) AS reason, count(*)::int AS count
         FROM sms_rcs_message
        WHERE deleted_at IS NULL AND status = 'failed' AND failed_at > ?::timestamptz - interval '24 hours' AND failed_at <= ?
          AND ${NOT_TEST} AND ${NOT_REPLACED}
        GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 20`,
      [now, now]
    )
    return rows.map((r: any) => ({ code: String(r.code).trim(), reason: r.reason ?? "", count: Number(r.count) }))
  }

  private async optOuts(now: Date): Promise<number> {
    const { rows } = await this.knex.raw(
      `SELECT count(DISTINCT phone)::int AS n FROM sms_rcs_consent_event
        WHERE deleted_at IS NULL AND action = 'revoke' AND occurred_at >= ${this.startOf("week")} AND occurred_at <= ?`,
      [now, this.timeZone, this.timeZone, now]
    )
    return rows[0]?.n ?? 0
  }

  private async spend(now: Date) {
    const { rows } = await this.knex.raw(
      `SELECT cost_currency_code AS currency_code, sum(cost_amount::numeric) AS amount FROM sms_rcs_message
        WHERE deleted_at IS NULL AND sent_at >= ${this.startOf("month")} AND sent_at <= ?
          AND cost_amount IS NOT NULL AND cost_currency_code IS NOT NULL AND ${NOT_TEST}
        GROUP BY 1 ORDER BY 1`,
      [now, this.timeZone, this.timeZone, now]
    )
    // summed as decimals (a real column read as float adds noise), rounded once to 6 places; the page shows the currency's minor unit
    return rows.map((r: any) => ({ currency_code: String(r.currency_code).toUpperCase(), amount: Math.round(Number(r.amount) * 1e6) / 1e6 }))
  }

  private async nextCampaign(now: Date) {
    const row = await this.knex("sms_rcs_campaign")
      .whereNull("deleted_at")
      .where({ status: "scheduled" })
      .where("scheduled_at", ">=", new Date(now.getTime() - 60 * 60_000))
      .orderBy("scheduled_at", "asc")
      .first("id", "name", "scheduled_at", "time_zone")
    if (!row) return null
    return { id: row.id, name: row.name, scheduled_at: new Date(row.scheduled_at).toISOString(), time_zone: row.time_zone ?? null }
  }

  /** Each configured gateway's answer to a credentials check (as the providers page's "Check connection"). */
  private providerHealth(): Promise<ProviderHealthLine[]> {
    const lines = [...this.providers.byId.values()].map((provider) => {
      const kept = this.health.get(provider.identifier)
      if (kept && Date.now() - kept.at < HEALTH_CACHE_MS) return kept.line
      const roles = [provider === this.providers.sms ? "sms" : null, provider === this.providers.rcs ? "rcs" : null].filter(Boolean) as ("sms" | "rcs")[]
      const line = withTimeout(checkProviderHealth(this.providers, provider.identifier), HEALTH_TIMEOUT_MS)
        .then((health) => ({ ...health, roles }))
        .catch((error: Error) => ({ id: provider.identifier, roles, ok: false, detail: error.message, checked_at: new Date().toISOString() }))
      this.health.set(provider.identifier, { at: Date.now(), line })
      return line
    })
    return Promise.all(lines)
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}
