import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ConsentAction, ConsentPurpose, ConsentState } from "../../../lib/consent"

export type RecordConsentInput = {
  phone: string
  purpose: ConsentPurpose
  action: ConsentAction
  source: "checkout" | "storefront_form" | "keyword" | "admin" | "import" | "double_opt_in"
  customer_id?: string | null
  channel?: "sms" | "rcs" | "all"
  wording?: string | null
  wording_version?: string | null
  locale?: string | null
  ip?: string | null
  user_agent?: string | null
  evidence?: Record<string, unknown> | null
  occurred_at?: Date
}

type AlsoInTransaction = (trx: Knex.Transaction, results: { event_id: string; status: string }[]) => Promise<unknown>

const STATUS_OF = { grant: "granted", revoke: "revoked", request: "pending" } as const

/**
 * The consent ledger in SQL: each event is appended (never updated or deleted) and the current state row
 * is upserted in the same transaction, by the same rule as `foldConsent`: the latest event wins, and a
 * pending request never overrides a grant.
 */
export class ConsentStore {
  constructor(
    private readonly knex: Knex,
    /** The erased-number key of a phone (`ErasedNumbers.keyOf`): revocations kept after an erasure. */
    private readonly erasedKeyOf?: (phone: string) => Promise<string>
  ) {}

  /** `alsoIn` writes more in the same transaction (the admin's audit entry): both land, or neither. */
  async record(input: RecordConsentInput, alsoIn?: AlsoInTransaction): Promise<{ event_id: string; status: string }> {
    return this.knex.transaction(async (trx) => {
      const result = await this.recordIn(trx, input)
      await alsoIn?.(trx, [result])
      return result
    })
  }

  /** Several events in one transaction: all of them land, or none (an import never lands half-way). */
  async recordMany(inputs: RecordConsentInput[], alsoIn?: AlsoInTransaction): Promise<{ event_id: string; status: string }[]> {
    return this.knex.transaction(async (trx) => {
      const results: { event_id: string; status: string }[] = []
      for (const input of inputs) results.push(await this.recordIn(trx, input))
      await alsoIn?.(trx, results)
      return results
    })
  }

  private async recordIn(trx: Knex.Transaction, input: RecordConsentInput): Promise<{ event_id: string; status: string }> {
    const occurredAt = input.occurred_at ?? new Date()
    const channel = input.channel ?? "all"
    const eventId = generateEntityId(undefined, "smsce")
    const status = STATUS_OF[input.action]
    {
      await trx("sms_rcs_consent_event").insert({
        id: eventId,
        phone: input.phone,
        customer_id: input.customer_id ?? null,
        purpose: input.purpose,
        channel,
        action: input.action,
        source: input.source,
        wording: input.wording ?? null,
        wording_version: input.wording_version ?? null,
        locale: input.locale ?? null,
        ip: input.ip ?? null,
        user_agent: input.user_agent ?? null,
        evidence: input.evidence ? JSON.stringify(input.evidence) : null,
        occurred_at: occurredAt,
      })
      const { rows } = await trx.raw(
        `INSERT INTO sms_rcs_consent (id, phone, customer_id, purpose, channel, status, granted_at, revoked_at, last_event_id, last_event_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (phone, purpose, channel) WHERE deleted_at IS NULL DO UPDATE SET
           status = excluded.status,
           customer_id = coalesce(excluded.customer_id, sms_rcs_consent.customer_id),
           granted_at = coalesce(excluded.granted_at, sms_rcs_consent.granted_at),
           revoked_at = coalesce(excluded.revoked_at, sms_rcs_consent.revoked_at),
           last_event_id = excluded.last_event_id,
           last_event_at = excluded.last_event_at,
           updated_at = now()
         WHERE (sms_rcs_consent.last_event_at IS NULL OR sms_rcs_consent.last_event_at <= excluded.last_event_at)
           AND NOT (excluded.status = 'pending' AND sms_rcs_consent.status = 'granted')
         RETURNING status`,
        [
          generateEntityId(undefined, "smscons"),
          input.phone,
          input.customer_id ?? null,
          input.purpose,
          channel,
          status,
          input.action === "grant" ? occurredAt : null,
          input.action === "revoke" ? occurredAt : null,
          eventId,
          occurredAt,
        ]
      )
      const current = rows[0]?.status ?? (await trx("sms_rcs_consent").where({ phone: input.phone, purpose: input.purpose, channel }).whereNull("deleted_at").first("status"))?.status
      return { event_id: eventId, status: current }
    }
  }

  /**
   * The current consent of a phone, per purpose, as the send gate reads it. A revocation kept from the
   * number's erasure counts unless the number has a consent row again (recorded after the erasure, which
   * deleted the number's rows: a new STOP or START by its owner decides).
   */
  async stateOf(phone: string): Promise<ConsentState> {
    const key = this.erasedKeyOf ? await this.erasedKeyOf(phone) : null
    const { rows } = await this.knex.raw(
      `SELECT purpose, status, 1 AS precedence FROM sms_rcs_consent WHERE phone = ? AND deleted_at IS NULL
       UNION ALL
       SELECT purpose, 'revoked', 0 FROM sms_rcs_erased_suppression WHERE phone_key = ? AND deleted_at IS NULL
       ORDER BY precedence`,
      [phone, key ?? ""]
    )
    return Object.fromEntries(rows.map((r: { purpose: string; status: string }) => [r.purpose, r.status])) as ConsentState
  }
}
