import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

export const AUDIT_ACTIONS = ["personal_data.erase", "personal_data.export", "consent.import", "consent.record", "message.resend"] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Ids and counts only: an audit entry must never carry a phone or a text. */
type IdsAndCounts = Record<string, string | number | boolean | null | string[]>

/** Who acts, for the audit log: the admin user of the request (`auth_context`). */
export type AuditActor = { actor_id: string | null; actor_type?: string | null }

export type AuditInput = {
  actor_id: string | null
  actor_type?: string | null
  action: AuditAction
  subject?: IdsAndCounts | null
  summary?: IdsAndCounts | null
}

export type AuditQuery = { action?: AuditAction[]; actor_id?: string; limit: number; offset: number }

/**
 * The admin audit log (`sms_rcs_audit_entry`): written in the transaction of the action it records, so an
 * erasure or an import never lands without its entry, nor an entry without its action.
 */
export class AuditLog {
  constructor(private readonly knex: Knex) {}

  async record(trx: Knex | Knex.Transaction, entry: AuditInput): Promise<string> {
    const id = generateEntityId(undefined, "smsaud")
    await trx("sms_rcs_audit_entry").insert({
      id,
      actor_id: entry.actor_id,
      actor_type: entry.actor_type ?? null,
      action: entry.action,
      subject: entry.subject ? JSON.stringify(entry.subject) : null,
      summary: entry.summary ? JSON.stringify(entry.summary) : null,
      occurred_at: trx.fn.now(),
    })
    return id
  }

  /** Newest first. */
  async list(query: AuditQuery) {
    const base = this.knex("sms_rcs_audit_entry").whereNull("deleted_at")
    if (query.action?.length) base.whereIn("action", query.action)
    if (query.actor_id) base.where({ actor_id: query.actor_id })
    const [entries, [{ count }]] = await Promise.all([
      base
        .clone()
        .select("id", "actor_id", "actor_type", "action", "subject", "summary", "occurred_at")
        .orderBy([{ column: "occurred_at", order: "desc" }, { column: "id", order: "desc" }])
        .limit(query.limit)
        .offset(query.offset),
      base.clone().count("* as count"),
    ])
    return { entries, count: Number(count), limit: query.limit, offset: query.offset }
  }
}
