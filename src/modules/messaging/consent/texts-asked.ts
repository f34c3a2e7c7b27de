import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The texts the storefront may make the plugin send to a number it does not know to be the asker's: proof
 * codes and "reply YES" opt-in asks. They share one daily allowance per number (so alternating the two
 * does not double it), counted under one per-number lock by both senders.
 */

/** Serialises every "may this number be texted by a storefront request" decision for one number. */
export async function lockTextsTo(trx: Knex.Transaction, phone: string): Promise<void> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`sms-rcs-storefront-texts:${phone}`])
}

/** Marks a verification row whose code was never texted: no HMAC is 8 letters long, so it never matches. */
export const WITHHELD_CODE = "withheld"

/** Codes texted and opt-in asks texted to this number in the last 24 hours (by the database's clock). */
export async function textsAskedToday(trx: Knex.Transaction, phone: string): Promise<number> {
  const { rows } = await trx.raw(
    `SELECT (SELECT count(*) FROM sms_rcs_phone_verification
              WHERE phone = ? AND deleted_at IS NULL AND code_hash <> ? AND created_at > now() - interval '1 day')
          + (SELECT count(*) FROM sms_rcs_consent_event
              WHERE phone = ? AND purpose = 'marketing' AND action = 'request' AND deleted_at IS NULL
                AND evidence->>'confirmation_text' = 'true' AND occurred_at > now() - interval '1 day') AS n`,
    [phone, WITHHELD_CODE, phone]
  )
  return Number(rows[0].n)
}
