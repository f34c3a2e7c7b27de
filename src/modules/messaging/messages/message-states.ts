import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ConsentReplyKind } from "../../../lib/consent/consent-reply"
import { MicroBatcher } from "../../../lib/batching/micro-batcher"
import { MessageStatus, STATUS_TIMESTAMP, allowedSourcesOf } from "../../../lib/message-status"

const TABLE = "sms_rcs_message"

/**
 * The hot writes (claims, `sent`, status callbacks) are grouped: calls made within this many ms share one
 * statement, up to this many per statement. A lone order confirmation waits ~2 ms; a campaign's fifty jobs
 * in hand make one UPDATE where they made fifty commits. See lib/batching/micro-batcher.ts.
 */
const BATCH = { maxSize: 200, maxWaitMs: 2 }

const CLAIMED_COLUMNS = `id, "to", channel, purpose, template_key, consent_reply, body, rich_payload, segments, attempts, rule_region, time_zones, claimed_at, media_url`

type Move = { id: string; to: MessageStatus; fields: TransitionFields }

/**
 * A message of a paused or canceled campaign is neither claimed nor swept: pausing stops its sends at
 * once, whatever jobs Redis still holds, and resuming queues them again (campaigns/campaign-store.ts).
 */
const NOT_HELD_BY_CAMPAIGN = `(campaign_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM sms_rcs_campaign hc WHERE hc.id = ${TABLE}.campaign_id AND hc.status IN ('paused', 'canceled')))`

export type ClaimedMessage = {
  id: string
  to: string
  channel: "sms" | "rcs"
  purpose: "transactional" | "marketing"
  template_key: string | null
  /** The plugin's own consent reply (see lib/consent/consent-reply): what may pass the consent check. */
  consent_reply: ConsentReplyKind | null
  body: string
  rich_payload: Record<string, unknown> | null
  segments: number
  attempts: number
  rule_region: string | null
  time_zones: string[] | null
  claimed_at: Date
  /** MMS: the image sent with the text. */
  media_url: string | null
}

/** An `unknown` message, with what is known of where it went. */
export type UnknownMessage = ClaimedMessage & {
  provider: string | null
  provider_message_id: string | null
  expires_at: Date | null
}

/** The fields a grouped move may carry (`undo_attempt` and `send_after` moves run alone). */
const MOVE_FIELDS = ["status_reason", "provider", "provider_message_id", "expires_at"] as const

export type TransitionFields = {
  status_reason?: string | null
  provider?: string
  provider_message_id?: string
  /** When the status was reached, if known better than "now" (a provider's event time). */
  at?: Date
  send_after?: Date | null
  /** RCS: the delivery deadline, past which the message is revoked and replaced by its SMS. */
  expires_at?: Date
  /** The claim did not lead to a provider call (deferred, skipped, rate-limited): do not count it. */
  undo_attempt?: boolean
}

/**
 * Status changes as single conditional UPDATEs: the WHERE clause holds the state machine, so two
 * workers, or a worker and a webhook, can never both win, and no read-then-write race exists.
 */
export class MessageStates {
  constructor(readonly knex: Knex) {}

  /**
   * Takes a due message for sending; null when another worker has it or it is no longer due.
   * `heldAttempt`: the job made claim number `heldAttempt` of this message and could not give it back
   * (PostgreSQL failed before the provider was called): that claim, and only it, is taken again — once:
   * taking it counts a new attempt, so the same job run again (stalled, re-delivered) no longer matches.
   */
  async claim(id: string, heldAttempt?: number): Promise<ClaimedMessage | null> {
    if (heldAttempt === undefined) {
      return this.claims.add(id)
    }
    const { rows } = await this.knex.raw(
      `UPDATE ${TABLE}
          SET attempts = attempts + 1,
              status = 'sending', claimed_at = now(), status_updated_at = now(), updated_at = now()
        WHERE id = ? AND deleted_at IS NULL
          AND ((status IN ('queued', 'deferred') AND (send_after IS NULL OR send_after <= now()))
               OR (status = 'sending' AND attempts = ?))
          AND ${NOT_HELD_BY_CAMPAIGN}
      RETURNING ${CLAIMED_COLUMNS}`,
      [id, heldAttempt]
    )
    return rows[0] ?? null
  }

  private readonly claims = new MicroBatcher<string, ClaimedMessage | null>((ids) => this.claimMany(ids), BATCH)

  /**
   * One conditional UPDATE for the claims in hand. The WHERE clause is the single claim's, so a row is
   * taken once whatever else runs; an id asked twice in the same group is given to the first asker only.
   */
  private async claimMany(ids: string[]): Promise<(ClaimedMessage | null)[]> {
    const { rows } = await this.knex.raw(
      `UPDATE ${TABLE}
          SET attempts = attempts + 1,
              status = 'sending', claimed_at = now(), status_updated_at = now(), updated_at = now()
        WHERE id = ANY(?) AND deleted_at IS NULL
          AND status IN ('queued', 'deferred') AND (send_after IS NULL OR send_after <= now())
          AND ${NOT_HELD_BY_CAMPAIGN}
      RETURNING ${CLAIMED_COLUMNS}`,
      [[...new Set(ids)]]
    )
    const claimed = new Map<string, ClaimedMessage>(rows.map((row: ClaimedMessage) => [row.id, row]))
    return ids.map((id) => {
      const row = claimed.get(id) ?? null
      claimed.delete(id)
      return row
    })
  }

  /**
   * Moves a message to `to` if the state machine allows it from where it is; false otherwise. The moves
   * of the hot path (`sent`, status reports) are grouped with others made at the same moment.
   */
  async transition(id: string, to: MessageStatus, fields: TransitionFields = {}): Promise<boolean> {
    if (!fields.undo_attempt && fields.send_after === undefined) {
      // the time is taken now, not when the group runs
      return this.moves.add({ id, to, fields: { ...fields, at: fields.at ?? new Date() } })
    }
    const sets = [`status = ?`, `status_updated_at = now()`, `updated_at = now()`]
    const values: Knex.RawBinding[] = [to]
    const timestamp = STATUS_TIMESTAMP[to]
    if (timestamp) {
      sets.push(`${timestamp} = coalesce(${timestamp}, ?)`)
      values.push(fields.at ?? new Date())
    }
    if (fields.status_reason !== undefined) {
      sets.push(`status_reason = ?`)
      values.push(fields.status_reason)
    }
    if (fields.provider !== undefined) {
      sets.push(`provider = ?`)
      values.push(fields.provider)
    }
    if (fields.provider_message_id !== undefined) {
      sets.push(`provider_message_id = coalesce(provider_message_id, ?)`)
      values.push(fields.provider_message_id)
    }
    if (fields.undo_attempt) {
      sets.push(`attempts = greatest(attempts - 1, 0)`)
    }
    if (fields.send_after !== undefined) {
      sets.push(`send_after = ?`)
      values.push(fields.send_after)
    }
    if (fields.expires_at !== undefined) {
      sets.push(`expires_at = ?`)
      values.push(fields.expires_at)
    }
    const from = allowedSourcesOf(to)
    const { rowCount } = await this.knex.raw(
      `UPDATE ${TABLE} SET ${sets.join(", ")}
        WHERE id = ? AND deleted_at IS NULL AND status IN (${from.map(() => "?").join(", ")})`,
      [...values, id, ...from]
    )
    return rowCount > 0
  }

  private readonly moves = new MicroBatcher<Move, boolean>((moves) => this.transitionMany(moves), BATCH)

  /**
   * The grouped moves: one UPDATE … FROM json_to_recordset per target status and set of fields, run in
   * the order the first move of each arrived. Each row's WHERE clause is the single move's, so a late
   * event never moves a message backwards; the same message moved twice to one status in one group is
   * moved (and answered true) once.
   */
  private async transitionMany(moves: Move[]): Promise<boolean[]> {
    const results: boolean[] = new Array(moves.length).fill(false)
    const groups = new Map<string, number[]>()
    moves.forEach((move, index) => {
      const present = MOVE_FIELDS.filter((field) => move.fields[field] !== undefined).join(",")
      const key = `${move.to}|${present}`
      groups.set(key, [...(groups.get(key) ?? []), index])
    })
    for (const [key, indexes] of groups) {
      const [to, presentList] = key.split("|") as [MessageStatus, string]
      const present = new Set(presentList ? presentList.split(",") : [])
      const first = new Map<string, number>()
      for (const index of indexes) if (!first.has(moves[index].id)) first.set(moves[index].id, index)
      const sets = [`status = ?`, `status_updated_at = now()`, `updated_at = now()`]
      const timestamp = STATUS_TIMESTAMP[to]
      if (timestamp) sets.push(`${timestamp} = coalesce(m.${timestamp}, x.at)`)
      if (present.has("status_reason")) sets.push(`status_reason = x.status_reason`)
      if (present.has("provider")) sets.push(`provider = x.provider`)
      if (present.has("provider_message_id")) sets.push(`provider_message_id = coalesce(m.provider_message_id, x.provider_message_id)`)
      if (present.has("expires_at")) sets.push(`expires_at = x.expires_at`)
      // in id order, as the claims' index scan locks them: two groups over the same rows wait, not deadlock
      const records = [...first.values()].sort((a, b) => (moves[a].id < moves[b].id ? -1 : 1)).map((index) => {
        const { id, fields } = moves[index]
        return {
          id,
          at: fields.at ?? new Date(),
          status_reason: fields.status_reason ?? null,
          provider: fields.provider ?? null,
          provider_message_id: fields.provider_message_id ?? null,
          expires_at: fields.expires_at ?? null,
        }
      })
      const from = allowedSourcesOf(to)
      const { rows } = await this.knex.raw(
        `UPDATE ${TABLE} AS m SET ${sets.join(", ")}
           FROM json_to_recordset(?::json) AS x(id text, at timestamptz, status_reason text, provider text,
                                                provider_message_id text, expires_at timestamptz)
          WHERE m.id = x.id AND m.deleted_at IS NULL AND m.status IN (${from.map(() => "?").join(", ")})
        RETURNING m.id`,
        [to, JSON.stringify(records), ...from]
      )
      for (const row of rows as { id: string }[]) {
        const index = first.get(row.id)
        if (index !== undefined) results[index] = true
      }
    }
    return results
  }

  /** Records which provider took the message (and the RCS deadline), whatever its status has become meanwhile. */
  async recordProviderId(id: string, provider: string, providerMessageId: string, expiresAt?: Date | null): Promise<void> {
    await this.knex.raw(
      `UPDATE ${TABLE} SET provider = ?, provider_message_id = coalesce(provider_message_id, ?),
              expires_at = coalesce(expires_at, ?), updated_at = now()
        WHERE id = ?`,
      [provider, providerMessageId, expiresAt ?? null, id]
    )
  }

  /**
   * Checks a claimed marketing message against frequency caps and, if one is reached, skips it — both
   * under a per-phone lock (a transaction-scoped advisory lock), so that concurrent messages to one phone
   * are decided one after the other: each counts the others sent or being sent within the cap's hours,
   * and a message over the cap is `skipped` before the next one counts. (Ordering by claim time alone
   * is not enough: a claim made first may not be committed yet when a later one counts.) Returns the
   * reason of the skip, or null when the message may go. One connection per check, however many caps.
   */
  async skipIfOverCap(
    message: Pick<ClaimedMessage, "id" | "to">,
    caps: { max: number; hours: number; label: string }[]
  ): Promise<string | null> {
    return this.knex.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`sms-rcs-cap:${message.to}`])
      for (const cap of caps) {
        const { rows } = await trx.raw(
          `SELECT count(*)::int AS n FROM ${TABLE}
            WHERE "to" = ? AND purpose = 'marketing' AND deleted_at IS NULL AND id <> ?
              AND status IN ('sending', 'sent', 'delivered', 'read', 'unknown')
              AND coalesce(sent_at, claimed_at) > now() - (? * interval '1 hour')`,
          [message.to, message.id, cap.hours]
        )
        const earlier: number = rows[0].n
        if (earlier >= cap.max) {
          const reason = `frequency_cap: ${earlier} marketing messages in ${cap.hours} h (${cap.label}: ${cap.max})`
          await trx.raw(
            `UPDATE ${TABLE} SET status = 'skipped', status_reason = ?, attempts = greatest(attempts - 1, 0),
                    status_updated_at = now(), updated_at = now()
              WHERE id = ? AND status = 'sending'`,
            [reason, message.id]
          )
          return reason
        }
      }
      return null
    })
  }

  async findByProviderId(provider: string, providerMessageId: string): Promise<string | null> {
    const { rows } = await this.knex.raw(
      `SELECT id FROM ${TABLE} WHERE provider = ? AND provider_message_id = ? AND deleted_at IS NULL LIMIT 1`,
      [provider, providerMessageId]
    )
    return rows[0]?.id ?? null
  }

  /**
   * The message to `phone` whose provider id, derived from its own id, is `providerMessageId` (RBM's
   * events can arrive before the send's answer is recorded): among that phone's messages without one.
   */
  async findByDerivedId(phone: string, providerMessageId: string, derive: (messageId: string) => string): Promise<string | null> {
    const { rows } = await this.knex.raw(
      `SELECT id FROM ${TABLE}
        WHERE "to" = ? AND provider_message_id IS NULL AND deleted_at IS NULL
          AND status IN ('sending', 'unknown', 'sent', 'queued', 'deferred')`,
      [phone]
    )
    return rows.find((row: { id: string }) => derive(row.id) === providerMessageId)?.id ?? null
  }

  /** Messages left `unknown` for longer than `olderThanMs` (both channels), oldest claim first, to settle. */
  async unknownSince(olderThanMs: number, limit: number): Promise<UnknownMessage[]> {
    const { rows } = await this.knex.raw(
      `SELECT id, "to", channel, purpose, template_key, body, rich_payload, segments, attempts, rule_region, time_zones,
              claimed_at, provider, provider_message_id, expires_at
         FROM ${TABLE}
        WHERE deleted_at IS NULL AND status = 'unknown' AND claimed_at IS NOT NULL
          AND claimed_at <= now() - (? * interval '1 millisecond')
        ORDER BY claimed_at LIMIT ?`,
      [olderThanMs, limit]
    )
    return rows
  }

  /** Which of these provider ids are recorded on a message already (so a lookup never takes another's). */
  async recordedProviderIds(provider: string, providerMessageIds: string[]): Promise<Set<string>> {
    if (!providerMessageIds.length) return new Set()
    const { rows } = await this.knex.raw(
      `SELECT provider_message_id FROM ${TABLE} WHERE provider = ? AND provider_message_id = ANY(?) AND deleted_at IS NULL`,
      [provider, providerMessageIds]
    )
    return new Set(rows.map((row: { provider_message_id: string }) => row.provider_message_id))
  }

  /** Ids of due messages that should have been sent by now: a lost job or a Redis restart strands them. */
  async stranded(olderThanMs: number, limit: number): Promise<string[]> {
    const { rows } = await this.knex.raw(
      `SELECT id FROM ${TABLE}
        WHERE deleted_at IS NULL AND status IN ('queued', 'deferred')
          AND coalesce(send_after, created_at) <= now() - (? * interval '1 millisecond')
          AND ${NOT_HELD_BY_CAMPAIGN}
        ORDER BY created_at LIMIT ?`,
      [olderThanMs, limit]
    )
    return rows.map((row: { id: string }) => row.id)
  }

  /**
   * A worker that died holding a claim may or may not have reached the provider: the message becomes
   * `unknown` (to be reconciled by the provider's status callback), never resent blindly.
   */
  async releaseStaleClaims(staleClaimMs: number): Promise<number> {
    const { rowCount } = await this.knex.raw(
      `UPDATE ${TABLE} SET status = 'unknown', status_reason = 'worker_lost_during_send',
              status_updated_at = now(), updated_at = now()
        WHERE deleted_at IS NULL AND status = 'sending'
          AND claimed_at <= now() - (? * interval '1 millisecond')`,
      [staleClaimMs]
    )
    return rowCount
  }
}
