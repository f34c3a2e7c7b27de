import { createHmac, randomInt, timingSafeEqual } from "node:crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ConsentState } from "../../../lib/consent"

const TABLE = "sms_rcs_phone_verification"

export type VerificationSettings = { codeTtlMinutes: number; maxAttempts: number; maxCodesPerNumberPerHour: number }

export type StartVerificationInput = {
  phone: string
  customer_id?: string | null
  purpose: "transactional" | "marketing"
  action: "grant" | "revoke"
  ip?: string | null
  user_agent?: string | null
}

export type VerifiedChange = {
  id: string
  phone: string
  customer_id: string | null
  purpose: "transactional" | "marketing"
  action: "grant" | "revoke"
  ip: string | null
  user_agent: string | null
}

export type ConfirmOutcome =
  | { ok: true; change: VerifiedChange }
  | { ok: false; reason: "wrong_code"; attempts_left: number }
  | { ok: false; reason: "expired" }

/**
 * Codes that prove a shopper holds a number: six random digits texted to it, kept only as an HMAC under a
 * per-installation key that is not in the database (a copy of the table alone cannot be brute-forced),
 * valid `codeTtlMinutes`, `maxAttempts` tries, used once. Every request gets a verification id and the
 * same answer; the code is texted only when the number may get one (it did not stop everything, and
 * fewer than `maxCodesPerNumberPerHour` were asked for it in the last hour).
 */
export class PhoneVerifications {
  constructor(
    private readonly knex: Knex,
    private readonly secret: () => Promise<string>,
    /** The number's consent as the send gate reads it (an erased number's kept STOP ALL included). */
    private readonly consentOf: (phone: string) => Promise<ConsentState>
  ) {}

  async start(
    input: StartVerificationInput,
    settings: VerificationSettings
  ): Promise<{ id: string; expires_at: Date; code: string | null; withheld: string | null }> {
    const id = generateEntityId(undefined, "smspv")
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
    const codeHash = await this.hash(id, code)
    return this.knex.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`sms-rcs-verify:${input.phone}`])
      // codes never used are of no further use: the number is not kept longer than a day for them
      await trx.raw(`DELETE FROM ${TABLE} WHERE phone = ? AND verified_at IS NULL AND expires_at < now() - interval '1 day'`, [input.phone])
      const { rows } = await trx.raw(
        `SELECT count(*)::int AS recent FROM ${TABLE} WHERE phone = ? AND deleted_at IS NULL AND created_at > now() - interval '1 hour'`,
        [input.phone]
      )
      const withheld =
        (await this.consentOf(input.phone)).transactional === "revoked"
          ? "the number stopped all messages"
          : rows[0].recent >= settings.maxCodesPerNumberPerHour
            ? `${settings.maxCodesPerNumberPerHour} codes were asked for this number in the last hour`
            : null
      const inserted = await trx.raw(
        `INSERT INTO ${TABLE} (id, phone, customer_id, purpose, action, code_hash, expires_at, ip, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, now() + (? * interval '1 minute'), ?, ?)
         RETURNING expires_at`,
        [id, input.phone, input.customer_id ?? null, input.purpose, input.action, codeHash, settings.codeTtlMinutes, input.ip ?? null, input.user_agent ?? null]
      )
      // a withheld code is still a row: the answer, and what a wrong guess says, are the same either way
      return { id, expires_at: inserted.rows[0].expires_at, code: withheld ? null : code, withheld }
    })
  }

  /** One try at a verification's code: counted first (atomically), so parallel guesses share the limit. */
  async confirm(id: string, code: string, settings: VerificationSettings): Promise<ConfirmOutcome> {
    const { rows } = await this.knex.raw(
      `UPDATE ${TABLE} SET attempts = attempts + 1, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND verified_at IS NULL AND expires_at > now() AND attempts < ?
        RETURNING code_hash, attempts`,
      [id, settings.maxAttempts]
    )
    if (!rows[0]) return { ok: false, reason: "expired" }
    const expected = Buffer.from(rows[0].code_hash, "hex")
    const given = Buffer.from(await this.hash(id, code), "hex")
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const left = settings.maxAttempts - rows[0].attempts
      return left > 0 ? { ok: false, reason: "wrong_code", attempts_left: left } : { ok: false, reason: "expired" }
    }
    const used = await this.knex.raw(
      `UPDATE ${TABLE} SET verified_at = now(), updated_at = now() WHERE id = ? AND verified_at IS NULL
       RETURNING id, phone, customer_id, purpose, action, ip, user_agent`,
      [id]
    )
    return used.rows[0] ? { ok: true, change: used.rows[0] } : { ok: false, reason: "expired" }
  }

  /** Whether this customer proved, with a code, that they hold this number: their own verified number. */
  async isVerifiedBy(phone: string, customerId: string): Promise<boolean> {
    const row = await this.knex(TABLE)
      .where({ phone, customer_id: customerId })
      .whereNotNull("verified_at")
      .whereNull("deleted_at")
      .first("id")
    return !!row
  }

  private async hash(id: string, code: string): Promise<string> {
    return createHmac("sha256", await this.secret()).update(`${id}:${code}`).digest("hex")
  }
}
