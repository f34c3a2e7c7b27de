import { createHmac, randomInt, timingSafeEqual } from "node:crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ConsentState } from "../../../lib/consent"
import { lockTextsTo, textsAskedToday, WITHHELD_CODE } from "./texts-asked"

const TABLE = "sms_rcs_phone_verification"

export type VerificationSettings = {
  codeTtlMinutes: number
  maxAttempts: number
  maxCodesPerNumberPerHour: number
  /** Codes and "reply YES" asks together, per number, per 24 h. */
  maxTextsPerNumberPerDay: number
  /** Codes texted by the whole store per hour. */
  maxCodesPerHour: number
  /** Wrong codes per number per 24 h, over all its verifications: past it, no code of the number is accepted. */
  maxWrongCodesPerNumberPerDay: number
}

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
 * same answer; the code is texted only when the number may get one (it did not stop everything, fewer than
 * `maxCodesPerNumberPerHour` codes in the last hour and `maxTextsPerNumberPerDay` codes and opt-in asks in
 * the last day went to it, and the store texted fewer than `maxCodesPerHour` codes this hour). A code that
 * was not texted is not stored at all: its row answers wrong guesses like any other, and never confirms.
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
      await lockTextsTo(trx, input.phone)
      // codes never used are of no further use: the number is not kept longer than a day for them
      await trx.raw(`DELETE FROM ${TABLE} WHERE phone = ? AND verified_at IS NULL AND expires_at < now() - interval '1 day'`, [input.phone])
      const { rows } = await trx.raw(
        `SELECT count(*)::int AS recent FROM ${TABLE}
          WHERE phone = ? AND deleted_at IS NULL AND code_hash <> ? AND created_at > now() - interval '1 hour'`,
        [input.phone, WITHHELD_CODE]
      )
      const withheld = await this.withholdBecause(trx, input.phone, rows[0].recent, settings)
      const inserted = await trx.raw(
        `INSERT INTO ${TABLE} (id, phone, customer_id, purpose, action, code_hash, expires_at, ip, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, now() + (? * interval '1 minute'), ?, ?)
         RETURNING expires_at`,
        [id, input.phone, input.customer_id ?? null, input.purpose, input.action, withheld ? WITHHELD_CODE : codeHash, settings.codeTtlMinutes, input.ip ?? null, input.user_agent ?? null]
      )
      // a withheld code is still a row, so the answer and what a wrong guess says are the same either way;
      // it holds no code, so nobody can confirm it (the code was never texted: whoever has it did not get it from the number)
      return { id, expires_at: inserted.rows[0].expires_at, code: withheld ? null : code, withheld }
    })
  }

  private async withholdBecause(trx: Knex.Transaction, phone: string, lastHour: number, settings: VerificationSettings): Promise<string | null> {
    if ((await this.consentOf(phone)).transactional === "revoked") return "the number stopped all messages"
    if (lastHour >= settings.maxCodesPerNumberPerHour) return `${settings.maxCodesPerNumberPerHour} codes were asked for this number in the last hour`
    if ((await textsAskedToday(trx, phone)) >= settings.maxTextsPerNumberPerDay) {
      return `${settings.maxTextsPerNumberPerDay} codes or opt-in asks went to this number in the last day`
    }
    const { rows } = await trx.raw(
      `SELECT count(*)::int AS n FROM ${TABLE} WHERE deleted_at IS NULL AND code_hash <> ? AND created_at > now() - interval '1 hour'`,
      [WITHHELD_CODE]
    )
    return rows[0].n >= settings.maxCodesPerHour ? `the store texted ${settings.maxCodesPerHour} codes in the last hour` : null
  }

  /**
   * One try at a verification's code: counted first (atomically, under the number's lock), so parallel
   * guesses share the limits — `maxAttempts` for this code, `maxWrongCodesPerNumberPerDay` for all codes
   * of its number (asking for new codes does not buy new guesses).
   */
  async confirm(id: string, code: string, settings: VerificationSettings): Promise<ConfirmOutcome> {
    const given = Buffer.from(await this.hash(id, code), "hex")
    return this.knex.transaction(async (trx) => {
      const target = await trx(TABLE).where({ id }).whereNull("deleted_at").first("phone")
      if (!target) return { ok: false, reason: "expired" } as const
      await lockTextsTo(trx, target.phone)
      const { rows } = await trx.raw(
        `UPDATE ${TABLE} SET attempts = attempts + 1, updated_at = now()
          WHERE id = ? AND deleted_at IS NULL AND verified_at IS NULL AND expires_at > now() AND attempts < ?
            AND (SELECT coalesce(sum(attempts), 0) FROM ${TABLE}
                  WHERE phone = ? AND deleted_at IS NULL AND created_at > now() - interval '1 day') < ?
          RETURNING code_hash, attempts`,
        [id, settings.maxAttempts, target.phone, settings.maxWrongCodesPerNumberPerDay]
      )
      if (!rows[0]) return { ok: false, reason: "expired" } as const
      // a withheld row's marker is not hex: it decodes to nothing and never matches
      const expected = Buffer.from(rows[0].code_hash, "hex")
      if (rows[0].code_hash === WITHHELD_CODE || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        const left = settings.maxAttempts - rows[0].attempts
        return left > 0 ? ({ ok: false, reason: "wrong_code", attempts_left: left } as const) : ({ ok: false, reason: "expired" } as const)
      }
      const used = await trx.raw(
        `UPDATE ${TABLE} SET verified_at = now(), updated_at = now() WHERE id = ? AND verified_at IS NULL
         RETURNING id, phone, customer_id, purpose, action, ip, user_agent`,
        [id]
      )
      return used.rows[0] ? ({ ok: true, change: used.rows[0] } as const) : ({ ok: false, reason: "expired" } as const)
    })
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

  /** The numbers this customer proved, with a code, that they hold. */
  async verifiedPhonesOf(customerId: string): Promise<string[]> {
    const rows = await this.knex(TABLE).where({ customer_id: customerId }).whereNotNull("verified_at").whereNull("deleted_at").distinct("phone")
    return rows.map((r: { phone: string }) => r.phone)
  }

  private async hash(id: string, code: string): Promise<string> {
    return createHmac("sha256", await this.secret()).update(`${id}:${code}`).digest("hex")
  }
}
