import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export const CONSENT_SOURCES = ["checkout", "storefront_form", "keyword", "admin", "import", "double_opt_in"] as const
export type ConsentSource = (typeof CONSENT_SOURCES)[number]

export type ConsentListQuery = {
  phone?: string
  /** Digits a phone contains ("0612", "612345"): the admin types part of a number. */
  phone_contains?: string
  customer_id?: string
  purpose?: "marketing" | "transactional"
  status?: "granted" | "revoked" | "pending"
  /** The source of the event that set the current state. */
  source?: ConsentSource
  /** Days (YYYY-MM-DD) in `time_zone`, both included: when the current state was set. */
  changed_from?: string
  changed_to?: string
  time_zone: string
  limit: number
  offset: number
}

/** One consent as the list shows it: the current state, and the event that set it (its source). */
export type ConsentListRow = {
  id: string
  phone: string
  customer_id: string | null
  purpose: string
  channel: string
  status: string
  granted_at: Date | null
  revoked_at: Date | null
  last_event_at: Date | null
  source: ConsentSource | null
}

/**
 * A ledger event with who recorded it: `actor_id` is the admin user of an admin's or an import's event —
 * from its evidence (`recorded_by`, `imported_by`) or, for events recorded before the evidence named them,
 * from the audit entry written in the event's transaction. Other sources (checkout, keyword…) are the
 * number's owner, and have none.
 */
export type LedgerEvent = {
  id: string
  phone: string
  customer_id: string | null
  purpose: string
  channel: string
  action: string
  source: ConsentSource
  wording: string | null
  wording_version: string | null
  locale: string | null
  ip: string | null
  occurred_at: Date
  evidence: Record<string, unknown> | null
  actor_id: string | null
}

/** The most events a ledger answer carries per call; `count` says how many there are. */
export const LEDGER_PAGE = 500

/**
 * The read side of the consent ledger for the admin: the filtered, paginated list of current consents,
 * and the ledger of a set of phones with the actor of each event. Filters are bound parameters; the
 * phone search is a `strpos` on digits (linear, no pattern the admin could make slow).
 */
export class ConsentQueries {
  constructor(private readonly knex: Knex) {}

  async list(query: ConsentListQuery): Promise<{ consents: ConsentListRow[]; count: number }> {
    const base = this.knex("sms_rcs_consent as c")
      .leftJoin("sms_rcs_consent_event as e", "e.id", "c.last_event_id")
      .whereNull("c.deleted_at")
    if (query.phone) base.where("c.phone", query.phone)
    if (query.phone_contains) base.whereRaw("strpos(regexp_replace(c.phone, '[^0-9]', '', 'g'), ?) > 0", [query.phone_contains])
    if (query.customer_id) base.where("c.customer_id", query.customer_id)
    if (query.purpose) base.where("c.purpose", query.purpose)
    if (query.status) base.where("c.status", query.status)
    if (query.source) base.where("e.source", query.source)
    // a day is the store's day: midnight to midnight in its zone, as the owner reads the dates shown
    if (query.changed_from) base.whereRaw("c.last_event_at >= (?::date)::timestamp AT TIME ZONE ?", [query.changed_from, query.time_zone])
    if (query.changed_to) base.whereRaw("c.last_event_at < ((?::date) + 1)::timestamp AT TIME ZONE ?", [query.changed_to, query.time_zone])
    const [consents, [{ count }]] = await Promise.all([
      base
        .clone()
        .select(
          "c.id",
          "c.phone",
          "c.customer_id",
          "c.purpose",
          "c.channel",
          "c.status",
          "c.granted_at",
          "c.revoked_at",
          "c.last_event_at",
          "e.source"
        )
        .orderByRaw("c.last_event_at DESC NULLS LAST, c.id DESC")
        .limit(query.limit)
        .offset(query.offset),
      base.clone().count("* as count"),
    ])
    return { consents: consents as ConsentListRow[], count: Number(count) }
  }

  /** The current consent rows of these phones. */
  async statesOf(phones: string[]): Promise<ConsentListRow[]> {
    if (!phones.length) return []
    return (await this.knex("sms_rcs_consent as c")
      .leftJoin("sms_rcs_consent_event as e", "e.id", "c.last_event_id")
      .whereIn("c.phone", phones)
      .whereNull("c.deleted_at")
      .select("c.id", "c.phone", "c.customer_id", "c.purpose", "c.channel", "c.status", "c.granted_at", "c.revoked_at", "c.last_event_at", "e.source")
      .orderBy([{ column: "c.phone" }, { column: "c.purpose" }])) as ConsentListRow[]
  }

  /** Every event of these phones, newest first (at most `limit`), whatever recorded it, with its actor. */
  async ledgerOf(phones: string[], limit = LEDGER_PAGE): Promise<{ events: LedgerEvent[]; count: number }> {
    if (!phones.length) return { events: [], count: 0 }
    const [{ rows }, [{ count }]] = await Promise.all([
      this.knex.raw(
        `SELECT e.id, e.phone, e.customer_id, e.purpose, e.channel, e.action, e.source, e.wording, e.wording_version,
                e.locale, e.ip, e.occurred_at, e.evidence,
                coalesce(e.evidence->>'recorded_by', e.evidence->>'imported_by', a.actor_id) AS actor_id
           FROM sms_rcs_consent_event e
           LEFT JOIN LATERAL (
             SELECT actor_id FROM sms_rcs_audit_entry
              WHERE deleted_at IS NULL
                AND ((e.source = 'admin' AND action = 'consent.record' AND subject->>'event_id' = e.id)
                  OR (e.source = 'import' AND action = 'consent.import' AND subject->>'import_id' = e.evidence->>'import_id'))
              LIMIT 1
           ) a ON e.source IN ('admin', 'import') AND e.evidence->>'recorded_by' IS NULL AND e.evidence->>'imported_by' IS NULL
          WHERE e.phone = ANY(?) AND e.deleted_at IS NULL
          ORDER BY e.occurred_at DESC, e.seq DESC
          LIMIT ?`,
        [phones, limit]
      ),
      this.knex("sms_rcs_consent_event").whereIn("phone", phones).whereNull("deleted_at").count("* as count"),
    ])
    return { events: rows as LedgerEvent[], count: Number(count) }
  }
}
