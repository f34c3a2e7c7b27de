import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type InboundInput = {
  from: string
  to?: string | null
  body: string
  provider: string
  provider_message_id: string
  intent: "stop" | "stop_all" | "start" | "confirm" | "help" | "ambiguous" | "none"
  keyword?: string | null
  /** A tapped RCS suggestion rather than a typed text. */
  tap?: { postback: string | null; in_reply_to: string | null } | null
}

/**
 * Stores an inbound text once per provider message (a replayed webhook finds it already there and
 * changes nothing). Returns whether it was new.
 */
export async function recordInbound(knex: Knex, input: InboundInput): Promise<{ id: string; created: boolean }> {
  const { rows } = await knex.raw(
    `INSERT INTO sms_rcs_inbound_message (id, "from", "to", body, provider, provider_message_id, intent, keyword, kind, postback, in_reply_to_id, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
     ON CONFLICT (provider, provider_message_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [generateEntityId(undefined, "smsin"), input.from, input.to ?? null, input.body, input.provider, input.provider_message_id, input.intent, input.keyword ?? null,
     input.tap ? "suggestion_tap" : "text", input.tap?.postback?.slice(0, 2048) ?? null, input.tap?.in_reply_to ?? null]
  )
  if (rows[0]) {
    return { id: rows[0].id, created: true }
  }
  const existing = await knex("sms_rcs_inbound_message")
    .where({ provider: input.provider, provider_message_id: input.provider_message_id })
    .first("id")
  return { id: existing.id, created: false }
}
