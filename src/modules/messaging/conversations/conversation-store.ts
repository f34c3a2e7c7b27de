import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export type ConversationStatus = "open" | "waiting" | "closed"
export type ConversationChannel = "sms" | "rcs"

export type ConversationRow = {
  id: string
  phone: string
  channel: ConversationChannel | null
  status: ConversationStatus
  assignee_id: string | null
  customer_id: string | null
  unread_count: number
  waiting_since: Date | null
  last_activity_at: Date
  acknowledged_at: Date | null
  created_at: Date
  last_entry: { direction: "inbound" | "outbound"; body: string; at: Date } | null
}

export type ConversationListQuery = {
  status?: ConversationStatus
  assignee_id?: string
  unread?: boolean
  /** Part of a phone, or phones of customers matched by name/email (found by the caller). */
  q?: string
  phones?: string[]
  limit: number
  offset: number
}

export type ConversationEntryRow = {
  id: string
  direction: "inbound" | "outbound"
  kind: "text" | "suggestion_tap" | "message"
  body: string
  channel: ConversationChannel | null
  status: string | null
  message_id: string | null
  template_key: string | null
  automatic: boolean
  sent_by_id: string | null
  postback: string | null
  rich_payload: Record<string, unknown> | null
  at: Date
}

const TABLE = "sms_rcs_conversation"
/** The last entry's text as a list shows it. */
const PREVIEW_CHARS = 200
/** A thread's page. */
export const ENTRIES_PAGE = 200

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The conversations' own rows (one per phone). Entries are read, never copied: the phone's messages and
 * inbound rows, in one union ordered by time (see models/conversation.ts for why).
 */
export class ConversationStore {
  constructor(private readonly knex: Knex) {}

  /**
   * The phone's conversation after the shopper wrote: created when new, a closed one reopened, one more
   * unread, the channel they wrote on. One statement, so two texts at once count two.
   */
  async touchInbound(input: { phone: string; channel: ConversationChannel; customer_id?: string | null; at?: Date }): Promise<ConversationRow> {
    const at = input.at ?? new Date()
    const { rows } = await this.knex.raw(
      `INSERT INTO ${TABLE} (id, phone, channel, status, customer_id, unread_count, last_activity_at)
       VALUES (?, ?, ?, 'open', ?, 1, ?)
       ON CONFLICT (phone) WHERE deleted_at IS NULL DO UPDATE SET
         unread_count = ${TABLE}.unread_count + 1,
         channel = EXCLUDED.channel,
         status = CASE WHEN ${TABLE}.status = 'closed' THEN 'open' ELSE ${TABLE}.status END,
         -- who holds the number now: a number given to someone else leaves the old customer's side
         customer_id = EXCLUDED.customer_id,
         last_activity_at = GREATEST(${TABLE}.last_activity_at, EXCLUDED.last_activity_at),
         updated_at = now()
       RETURNING id`,
      [generateEntityId(undefined, "smsconv"), input.phone, input.channel, input.customer_id ?? null, at]
    )
    return (await this.get(rows[0].id))!
  }

  /** The store wrote (an admin's reply, an automatic answer): the thread moves to the top. */
  async touchOutbound(phone: string, { answered = false } = {}): Promise<void> {
    await this.knex(TABLE)
      .whereNull("deleted_at")
      .where({ phone })
      .update({
        last_activity_at: this.knex.fn.now(),
        updated_at: this.knex.fn.now(),
        // a person answered: the shopper no longer waits
        ...(answered ? { waiting_since: null, status: this.knex.raw(`CASE WHEN status = 'waiting' THEN 'open' ELSE status END`) } : {}),
      })
  }

  async get(id: string): Promise<ConversationRow | null> {
    const [row] = mapRows(await this.select().where("c.id", id))
    return row ?? null
  }

  async byPhone(phone: string): Promise<ConversationRow | null> {
    const [row] = mapRows(await this.select().where("c.phone", phone))
    return row ?? null
  }

  async list(query: ConversationListQuery): Promise<{ rows: ConversationRow[]; count: number }> {
    const filtered = this.filtered(query)
    const [rows, [{ count }]] = await Promise.all([
      this.select(filtered.clone()).orderBy([{ column: "c.last_activity_at", order: "desc" }, { column: "c.id", order: "desc" }]).limit(query.limit).offset(query.offset).then(mapRows),
      filtered.clone().count<{ count: string }[]>("* as count"),
    ])
    return { rows, count: Number(count) }
  }

  /** The list filters' badges: open, waiting, assigned to this admin (not closed), with unread texts. */
  async counts(userId: string | null): Promise<{ open: number; waiting: number; mine: number; unread: number }> {
    const { rows } = await this.knex.raw(
      `SELECT count(*) FILTER (WHERE status = 'open') AS open,
              count(*) FILTER (WHERE status = 'waiting') AS waiting,
              count(*) FILTER (WHERE status <> 'closed' AND assignee_id = ?) AS mine,
              count(*) FILTER (WHERE unread_count > 0) AS unread
       FROM ${TABLE} WHERE deleted_at IS NULL`,
      [userId ?? ""]
    )
    const r = rows[0]
    return { open: Number(r.open), waiting: Number(r.waiting), mine: Number(r.mine), unread: Number(r.unread) }
  }

  async update(id: string, patch: Partial<Pick<ConversationRow, "status" | "assignee_id" | "unread_count" | "waiting_since" | "acknowledged_at" | "customer_id">>): Promise<ConversationRow | null> {
    const updated = await this.knex(TABLE).whereNull("deleted_at").where({ id }).update({ ...patch, updated_at: this.knex.fn.now() })
    return updated ? this.get(id) : null
  }

  /** The shopper asked for a person: waiting (since the first ask, not the last). */
  async markWaiting(id: string): Promise<ConversationRow | null> {
    await this.knex(TABLE)
      .whereNull("deleted_at")
      .where({ id })
      .update({ status: "waiting", waiting_since: this.knex.raw("COALESCE(waiting_since, now())"), updated_at: this.knex.fn.now() })
    return this.get(id)
  }

  /**
   * Takes the day's one acknowledgement of a conversation: true for the one caller that may send it
   * (a conditional UPDATE, so two texts at once send one).
   */
  async claimAcknowledgement(id: string, withinMs: number): Promise<boolean> {
    const since = new Date(Date.now() - withinMs)
    const updated = await this.knex(TABLE)
      .whereNull("deleted_at")
      .where({ id })
      .where((q) => q.whereNull("acknowledged_at").orWhere("acknowledged_at", "<", since))
      .update({ acknowledged_at: this.knex.fn.now() })
    return updated > 0
  }

  /**
   * Takes one of the window's automatic answers (the loop guard): true for a caller that may answer. One
   * conditional UPDATE on the conversation's row, so ten texts at once take at most `max` answers. A window
   * starts with the first answer after the last one ended (a fixed window, not a sliding one).
   */
  async claimAutomaticAnswer(id: string, max: number, windowMs: number): Promise<boolean> {
    const { rows } = await this.knex.raw(
      `UPDATE ${TABLE} SET
         answers_in_window = CASE WHEN answers_window_started_at IS NULL OR answers_window_started_at <= now() - (? * interval '1 millisecond') THEN 1 ELSE answers_in_window + 1 END,
         answers_window_started_at = CASE WHEN answers_window_started_at IS NULL OR answers_window_started_at <= now() - (? * interval '1 millisecond') THEN now() ELSE answers_window_started_at END
       WHERE id = ? AND deleted_at IS NULL
         AND (answers_window_started_at IS NULL OR answers_window_started_at <= now() - (? * interval '1 millisecond') OR answers_in_window < ?)
       RETURNING id`,
      [windowMs, windowMs, id, windowMs, max]
    )
    return rows.length > 0
  }

  /** When the store last texted this phone (any message), or null. */
  async lastOutboundAt(phone: string): Promise<Date | null> {
    const [row] = await this.knex("sms_rcs_message").whereNull("deleted_at").where({ to: phone }).max<{ max: Date | null }[]>("created_at as max")
    return row?.max ? new Date(row.max) : null
  }

  /** How many keyword replies of these kinds (HELP, "how to stop") went to this phone since `since`. */
  async keywordRepliesSince(phone: string, kinds: string[], since: Date): Promise<number> {
    const [{ count }] = await this.knex("sms_rcs_message")
      .whereNull("deleted_at")
      .where({ to: phone })
      .whereIn("consent_reply", kinds)
      .where("created_at", ">=", since)
      .count<{ count: string }[]>("* as count")
    return Number(count)
  }

  /** The thread, oldest first: the last ENTRIES_PAGE entries, or those before `before` (an entry id). */
  async entries(phone: string, before?: string | null): Promise<ConversationEntryRow[]> {
    const union = this.knex.raw(
      `SELECT i.id, 'inbound' AS direction, i.kind, i.body,
              CASE WHEN i.provider = 'rbm' THEN 'rcs' ELSE 'sms' END AS channel,
              NULL AS status, i.in_reply_to_id AS message_id, NULL AS template_key, false AS automatic,
              NULL AS sent_by_id, i.postback, NULL::jsonb AS rich_payload, i.received_at AS at
         FROM sms_rcs_inbound_message i WHERE i.deleted_at IS NULL AND i."from" = :phone
       UNION ALL
       SELECT m.id, 'outbound', 'message', COALESCE(m.body, ''), m.channel, m.status, m.id, m.template_key,
              COALESCE(m.conversation_role = 'automatic', false), m.sent_by, NULL, m.rich_payload, m.created_at
         FROM sms_rcs_message m WHERE m.deleted_at IS NULL AND m."to" = :phone`,
      { phone }
    )
    const query = this.knex.select("*").from(union.wrap("(", ") e"))
    if (before) {
      const anchor = this.knex.select("at", "id").from(union.wrap("(", ") a")).where("id", before)
      query.whereRaw(`(e.at, e.id) < (SELECT at, id FROM (${anchor.toQuery()}) b)`)
    }
    const rows: ConversationEntryRow[] = await query.orderBy([{ column: "at", order: "desc" }, { column: "id", order: "desc" }]).limit(ENTRIES_PAGE)
    return rows.reverse()
  }

  /** The phones of these customers' conversations (the inbox's search by name). */
  async phonesOfCustomers(customerIds: string[]): Promise<string[]> {
    if (!customerIds.length) return []
    const rows = await this.knex(TABLE).whereNull("deleted_at").whereIn("customer_id", customerIds).select("phone")
    return rows.map((r: { phone: string }) => r.phone)
  }

  /** The orders the store texted this phone about, most recent first. */
  async orderIdsTextedTo(phone: string, limit: number): Promise<string[]> {
    const rows = await this.knex("sms_rcs_message")
      .whereNull("deleted_at")
      .where({ to: phone })
      .whereNotNull("order_id")
      .groupBy("order_id")
      .orderByRaw("max(created_at) DESC")
      .limit(limit)
      .select("order_id")
    return rows.map((r: { order_id: string }) => r.order_id)
  }

  /** Every conversation of these phones (personal data export). */
  async ofPhones(trx: Knex, phones: string[]) {
    return trx(TABLE).whereIn("phone", phones).orderBy("created_at")
  }

  private filtered(query: ConversationListQuery) {
    const q = this.knex(`${TABLE} as c`).whereNull("c.deleted_at")
    if (query.status) q.where("c.status", query.status)
    if (query.assignee_id) q.where("c.assignee_id", query.assignee_id)
    if (query.unread) q.where("c.unread_count", ">", 0)
    if (query.q) {
      const digits = query.q.replace(/[^\d+]/g, "")
      q.where((w) => {
        if (digits.replace(/\D/g, "").length >= 3) w.orWhere("c.phone", "like", `%${escapeLike(digits.replace(/^\+/, ""))}%`)
        if (query.phones?.length) w.orWhereIn("c.phone", query.phones)
        if (digits.replace(/\D/g, "").length < 3 && !query.phones?.length) w.whereRaw("false")
      })
    }
    return q
  }

  private select(from = this.knex(`${TABLE} as c`).whereNull("c.deleted_at")) {
    return from
      .clone()
      .select(
        "c.id", "c.phone", "c.channel", "c.status", "c.assignee_id", "c.customer_id", "c.unread_count", "c.waiting_since",
        "c.last_activity_at", "c.acknowledged_at", "c.created_at",
        this.knex.raw(
          `(SELECT json_build_object('direction', e.direction, 'body', left(e.body, ${PREVIEW_CHARS}), 'at', e.at) FROM (
              (SELECT 'inbound' AS direction, i.body, i.received_at AS at FROM sms_rcs_inbound_message i
                WHERE i.deleted_at IS NULL AND i."from" = c.phone ORDER BY i.received_at DESC LIMIT 1)
              UNION ALL
              (SELECT 'outbound', COALESCE(m.body, ''), m.created_at FROM sms_rcs_message m
                WHERE m.deleted_at IS NULL AND m."to" = c.phone ORDER BY m.created_at DESC LIMIT 1)
            ) e ORDER BY e.at DESC LIMIT 1) AS last_entry`
        )
      )
  }
}

type RawRow = Omit<ConversationRow, "last_entry"> & { last_entry: { direction: "inbound" | "outbound"; body: string; at: string } | null }

function mapRows(rows: RawRow[]): ConversationRow[] {
  return rows.map((r) => ({ ...r, unread_count: Number(r.unread_count), last_entry: r.last_entry ? { ...r.last_entry, at: new Date(r.last_entry.at) } : null }))
}
