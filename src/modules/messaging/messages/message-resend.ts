import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { consentAllows, type ConsentState } from "../../../lib/consent"
import { newLinkCode, type NewTrackedLink } from "../../../lib/tracking"
import type { AuditActor, AuditLog } from "../audit/audit-log"
import type { MessageDTO } from "../types"
import type { MessageWriter } from "./message-writer"

const MESSAGES = "sms_rcs_message"

export type ResendOutcome = { message: MessageDTO; created: boolean; resend_of: string; attempt: number }

/**
 * Sending a failed transactional message again, from the admin: a new message with the same text, card,
 * channel and links to the same order and customer, written by the one message writer.
 *
 * - Only `failed` transactional messages: a marketing text is never re-sent by hand (its consent, quiet
 *   hours and caps belong to its campaign or automation), and a message on its way or delivered is not
 *   failed.
 * - Consent is read again now: a phone that replied STOP since is refused with the reason.
 * - The idempotency key is `{original}:resend:{attempt}`, the attempt being one more than the resends of
 *   that original that failed too: two clicks (or two admins) at once make one message; a resend that
 *   failed in turn may be resent, as attempt 2. A resend of a resend counts from the first message.
 * - An RCS message and the SMS that replaced it (`fallback_of_id`) are one text to the customer: while that
 *   SMS has not failed, neither is resent (the customer has the text), and they share one chain of resends.
 * - A consent reply (a verification code, a YES confirmation…) is not resent: its moment has passed; nor a
 *   test send (providers page, template editor), which is no customer's text.
 * - The new message gets its own tracked links (a tap counts as its own touch, as the RCS fallback does),
 *   and the audit entry is written in the same transaction as the message.
 * - Each refusal carries a machine code (`ResendRefusal`), which the admin shows in its language.
 */
export class MessageResend {
  constructor(
    private readonly knex: Knex,
    private readonly writer: MessageWriter,
    private readonly consentOf: (phone: string) => Promise<ConsentState>,
    private readonly audit: AuditLog
  ) {}

  async resend(id: string, actor: AuditActor): Promise<ResendOutcome> {
    const message = await this.knex(MESSAGES).where({ id }).whereNull("deleted_at").first()
    if (!message) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message with id: ${id} was not found`)
    }
    refuseUnlessResendable(message)
    await this.refuseIfReplaced(message)
    const consent = consentAllows(message, await this.consentOf(message.to))
    if (!consent.allowed) {
      // the ledger's reasons start with their code ("opted_out: the recipient stopped all messages")
      throw refusal(consent.reason.split(":")[0] as ResendRefusal, consent.reason)
    }
    const rootId = rootOf(message)

    return this.knex.transaction(async (trx) => {
      // one resend decision per original at a time: the attempt number is read and used under the lock
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`sms-rcs-resend:${rootId}`])
      // a resend counts as failed only when its whole chain did: an RCS resend whose SMS fallback went out
      // reached the customer (the fallback copies the metadata, `resend_of` included: it is no resend itself)
      const { rows } = await trx.raw(
        `SELECT count(*)::int AS failed
           FROM ${MESSAGES} m
          WHERE m.deleted_at IS NULL AND m.metadata->>'resend_of' = ? AND m.fallback_of_id IS NULL AND m.status = 'failed'
            AND NOT EXISTS (SELECT 1 FROM ${MESSAGES} f WHERE f.fallback_of_id = m.id AND f.deleted_at IS NULL AND f.status <> 'failed')`,
        [rootId]
      )
      const attempt = (rows[0]?.failed ?? 0) + 1
      const key = `${rootId}:resend:${attempt}`
      const existing = await trx(MESSAGES).where({ idempotency_key: key }).whereNull("deleted_at").first()
      if (existing) {
        return { message: existing as MessageDTO, created: false, resend_of: rootId, attempt }
      }

      const { body, richPayload, links } = await freshLinks(trx, message)
      const [newId] = await this.writer.insert(
        [
          {
            to: message.to,
            raw_to: message.raw_to,
            country_code: message.country_code,
            rule_region: message.rule_region,
            time_zones: message.time_zones,
            channel: message.channel,
            purpose: message.purpose,
            template_key: message.template_key,
            locale: message.locale,
            body,
            rich_payload: richPayload,
            status: "queued" as MessageDTO["status"],
            status_reason: null,
            idempotency_key: key,
            encoding: message.encoding,
            segments: message.segments,
            cost_amount: message.cost_amount,
            cost_currency_code: message.cost_currency_code,
            order_id: message.order_id,
            cart_id: message.cart_id,
            customer_id: message.customer_id,
            campaign_id: message.campaign_id,
            automation: message.automation,
            metadata: { ...(message.metadata ?? {}), resend_of: rootId, resent_from: message.id, resend_attempt: attempt, resent_by: actor.actor_id },
            consent_reply: message.consent_reply,
            links,
          },
        ],
        trx
      )
      const created = await trx(MESSAGES).where({ id: newId }).first()
      await this.audit.record(trx, {
        ...actor,
        action: "message.resend",
        subject: { message_id: message.id, resend_of: rootId, new_message_id: newId },
        summary: { attempt, channel: message.channel },
      })
      return { message: created as MessageDTO, created: true, resend_of: rootId, attempt }
    })
  }

  /** An RCS message whose SMS fallback went out (or is on its way) reached the customer: not resent. */
  private async refuseIfReplaced(message: Record<string, any>): Promise<void> {
    const fallback = await this.knex(MESSAGES)
      .where({ fallback_of_id: message.id })
      .whereNull("deleted_at")
      .whereNot({ status: "failed" })
      .first("id", "status")
    if (fallback) {
      throw refusal("fallback_sent", `the SMS fallback ${fallback.id} replaced this RCS message (${fallback.status}); resending would text the customer twice`)
    }
  }
}

/** Why the admin refused a resend, as a machine code (the admin's catalogue `messages.resend.refused.*`). */
export type ResendRefusal =
  | "marketing"
  | "not_failed"
  | "erased"
  | "consent_reply"
  | "test_send"
  | "fallback_sent"
  | "opted_out"
  | "no_marketing_consent"

/** A 400 "Not resent: …" whose `code` the admin maps to its own words. */
function refusal(code: ResendRefusal, why: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Not resent: ${why}`, code)
}

/**
 * The first message of a resend chain: an SMS fallback belongs to its RCS message's chain. A resend (and
 * the fallback of a resend, which copies its metadata) names the root in `resend_of`; a fallback of a first
 * message names it in `fallback_of_id`.
 */
export function rootOf(message: { id: string; fallback_of_id?: string | null; metadata?: Record<string, unknown> | null }): string {
  const resendOf = message.metadata?.resend_of
  return typeof resendOf === "string" ? resendOf : message.fallback_of_id ?? message.id
}

/** Why a message may not be resent, as the admin reads it; nothing when it may. */
function refuseUnlessResendable(message: Record<string, any>): void {
  const refuse = (code: ResendRefusal, why: string) => {
    throw refusal(code, why)
  }
  if (message.purpose === "marketing") refuse("marketing", "marketing messages are not resent by hand (consent, quiet hours and caps belong to their campaign or automation)")
  if (message.metadata?.test === true) refuse("test_send", "a test send is not resent (send a new test from where it was made)")
  if (message.consent_reply) refuse("consent_reply", `a consent reply (${message.consent_reply}) is not resent: its moment has passed (a code expires, a confirmation answers one message)`)
  if (message.status !== "failed") refuse("not_failed", `only a failed message can be resent; this one is ${message.status}`)
  if (!message.to || !message.body) refuse("erased", "the message no longer has a phone or a text (erased personal data)")
}

/** The original's text and card with a new code for each of its tracked links. */
async function freshLinks(trx: Knex.Transaction, message: Record<string, any>) {
  const originals: { code: string; target_url: string; channel: "sms" | "rcs" }[] = await trx("sms_rcs_tracked_link")
    .where({ message_id: message.id })
    .whereNull("deleted_at")
    .select("code", "target_url", "channel")
  let body: string = message.body
  let card: string | null = message.rich_payload ? JSON.stringify(message.rich_payload) : null
  const links: NewTrackedLink[] = originals.map((link) => {
    const code = newLinkCode()
    body = body.split(`/r/${link.code}`).join(`/r/${code}`)
    if (card) card = card.split(`/r/${link.code}`).join(`/r/${code}`)
    return { code, target_url: link.target_url, channel: link.channel }
  })
  return { body, richPayload: card ? (JSON.parse(card) as Record<string, unknown>) : null, links }
}
