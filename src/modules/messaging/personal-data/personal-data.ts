import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { AuditInput, AuditLog } from "../audit/audit-log"
import type { ErasedNumbers } from "./erased-numbers"

/**
 * Whose data: the phones proven to be the person's (E.164; see `resolveDataSubjectStep`) and, for a
 * customer, their id. Rows are found by phone; the customer id only adds the customer's messages that
 * had no phone, and detaches the customer from rows about numbers that are not proven theirs.
 */
export type DataSubject = { phones: string[]; customer_id?: string | null }

/** The scheme and host of a URL (a POSIX regex for PostgreSQL's `substring`; anchored, no backtracking). */
const URL_ORIGIN = "^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*"

/** The reason of a text that was still waiting when its recipient was erased. */
const ERASED_BEFORE_SENDING = "erased: the recipient's personal data was erased before it was sent"

/** What an erasure changed (or, dry run, would change): rows per kind. */
export type ErasedCounts = {
  phones: number
  messages: number
  detached_messages: number
  clicks: number
  tracked_links: number
  inbound_messages: number
  conversations: number
  /** Hand-off webhooks not delivered yet (a delivered one keeps no phone). */
  handoff_webhooks: number
  phone_capabilities: number
  phone_verifications: number
  back_in_stock_requests: number
  product_views: number
  /** Offer codes issued to their texts: the code stays (its promotion, the figures), their number goes. */
  offer_codes: number
  consent_events: number
  consents: number
  suppressions: number
}

/** Thrown inside a dry-run erasure's transaction, so that it rolls back, carrying what it counted. */
class RolledBack extends Error {
  constructor(readonly erased: ErasedCounts) {
    super("dry run")
  }
}

/** Consent sources whose `wording` is the person's own text (a STOP, a YES), not the store's checkbox. */
const OWN_WORDS_SOURCES = ["keyword", "double_opt_in"]

/**
 * GDPR access and erasure for what the plugin holds about one person.
 *
 * Erasure removes, in one transaction: phone numbers wherever they were written (messages, idempotency
 * keys, status reasons, the consent ledger, RCS capabilities), the texts (message bodies and RCS cards,
 * inbound texts, the wording of a STOP or YES), network traces (clicks' user agent and IP hash) and
 * tracked links' targets (cut to the site's origin, so an old link still lands on the store). It keeps
 * the rows' anonymous facts (status, channel, template, segments, cost, times) so analytics and invoices
 * add up, the ledger's events under a keyed stand-in for the number (`erased:…`), and — for a number that
 * had opted out — its revocation under a keyed hash, so the number stays refused (`ErasedNumbers`).
 */
export class PersonalData {
  constructor(
    private readonly knex: Knex,
    private readonly numbers: ErasedNumbers,
    private readonly audit: AuditLog
  ) {}

  /** Messages of the person: to one of their phones, or about the customer with no phone at all. */
  private theirMessages(q: Knex.QueryBuilder, subject: DataSubject) {
    q.whereIn("to", subject.phones)
    if (subject.customer_id) q.orWhere((w) => w.where({ customer_id: subject.customer_id }).whereNull("to"))
  }

  async export(subject: DataSubject, audit: Omit<AuditInput, "action" | "summary">) {
    const { phones } = subject
    return this.knex.transaction(async (trx) => {
      const messages = await trx("sms_rcs_message").where((q) => this.theirMessages(q, subject)).orderBy("created_at")
      const messageIds = messages.map((m: { id: string }) => m.id)
      const keys = await Promise.all(phones.map((p) => this.numbers.keyOf(p)))
      const [consents, consent_events, inbound_messages, clicks, tracked_links, phone_capabilities, suppressions, phone_verifications, conversations, handoff_webhooks, back_in_stock_requests, product_views, offer_codes, recipient_orders] = await Promise.all([
        trx("sms_rcs_consent").whereIn("phone", phones).whereNull("deleted_at"),
        trx("sms_rcs_consent_event").whereIn("phone", phones).orderBy("occurred_at"),
        trx("sms_rcs_inbound_message").whereIn("from", phones).orderBy("received_at"),
        trx("sms_rcs_click").whereIn("message_id", messageIds).orderBy("occurred_at"),
        trx("sms_rcs_tracked_link").whereIn("message_id", messageIds),
        trx("sms_rcs_phone_capability").whereIn("phone", phones).whereNull("deleted_at"),
        trx("sms_rcs_erased_suppression").select("purpose", "revoked_at", "created_at").whereIn("phone_key", keys).whereNull("deleted_at"),
        // proof-of-number codes asked for (the code's hash is no personal data of theirs, and stays out)
        trx("sms_rcs_phone_verification")
          .select("id", "phone", "purpose", "action", "attempts", "expires_at", "verified_at", "ip", "user_agent", "created_at")
          .whereIn("phone", phones)
          .orderBy("created_at"),
        // their conversations' own rows (its entries are the messages and inbound texts above)
        trx("sms_rcs_conversation").whereIn("phone", phones).orderBy("created_at"),
        // hand-off webhooks still carrying their phone and text (not delivered yet)
        trx("sms_rcs_handoff_webhook").whereIn("phone", phones).orderBy("created_at"),
        // "text me when it is back", with the wording shown as its proof
        trx("sms_rcs_back_in_stock_request")
          .where((q) => {
            q.whereIn("phone", phones)
            if (subject.customer_id) q.orWhere({ customer_id: subject.customer_id })
          })
          .whereNull("deleted_at")
          .orderBy("created_at"),
        // products they looked at (browse abandonment)
        trx("sms_rcs_product_view")
          .where((q) => {
            q.whereIn("phone", phones)
            if (subject.customer_id) q.orWhere({ customer_id: subject.customer_id })
          })
          .whereNull("deleted_at")
          .orderBy("viewed_at"),
        // single-use offer codes issued to their texts
        trx("sms_rcs_offer_code")
          .where((q) => {
            q.whereIn("phone", phones)
            if (messageIds.length) q.orWhereIn("message_id", messageIds)
          })
          .whereNull("deleted_at")
          .orderBy("created_at"),
        // their orders counted against the messages they got or were held out of (incrementality)
        messageIds.length ? trx("sms_rcs_recipient_order").whereIn("message_id", messageIds).whereNull("deleted_at").orderBy("placed_at") : [],
      ])
      await this.audit.record(trx, {
        ...audit,
        action: "personal_data.export",
        summary: { phones: phones.length, messages: messages.length, consent_events: consent_events.length, inbound_messages: inbound_messages.length },
      })
      return {
        subject: { customer_id: subject.customer_id ?? null, phones },
        messages,
        consents,
        consent_events,
        inbound_messages,
        conversations,
        handoff_webhooks,
        clicks,
        tracked_links,
        phone_capabilities,
        /** Revocations kept from an earlier erasure of one of these numbers. */
        suppressions,
        phone_verifications,
        back_in_stock_requests,
        product_views,
        offer_codes,
        recipient_orders,
        exported_at: new Date().toISOString(),
      }
    })
  }

  /**
   * `dryRun`: the erasure is done, counted and rolled back, so the counts the admin confirms are the ones
   * the erasure makes (the same statements, not a second way of counting that could drift from them).
   */
  async erase(subject: DataSubject, audit: Omit<AuditInput, "action" | "summary">, { dryRun = false } = {}): Promise<ErasedCounts> {
    if (!dryRun) return this.eraseIn(subject, audit, false)
    try {
      await this.eraseIn(subject, audit, true)
    } catch (error) {
      if (error instanceof RolledBack) return error.erased
      throw error
    }
    throw new Error("a dry-run erasure was not rolled back")
  }

  private async eraseIn(subject: DataSubject, audit: Omit<AuditInput, "action" | "summary">, dryRun: boolean): Promise<ErasedCounts> {
    const { phones } = subject
    const numbers = await Promise.all(phones.map(async (phone) => ({ phone, key: await this.numbers.keyOf(phone), standIn: await this.numbers.standInOf(phone) })))
    return this.knex.transaction(async (trx) => {
      // 1. what must outlive the number: its revocations, under the keyed hash
      let suppressions = 0
      for (const { phone, key } of numbers) {
        const revoked = await trx("sms_rcs_consent").select("purpose").max("revoked_at as revoked_at").where({ phone, status: "revoked" }).whereNull("deleted_at").groupBy("purpose")
        for (const row of revoked as { purpose: string; revoked_at: Date | null }[]) {
          const { rowCount } = await trx.raw(
            `INSERT INTO sms_rcs_erased_suppression (id, phone_key, purpose, revoked_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (phone_key, purpose) WHERE deleted_at IS NULL DO NOTHING`,
            [generateEntityId(undefined, "smssup"), key, row.purpose, row.revoked_at]
          )
          suppressions += rowCount ?? 0
        }
      }

      // 2. messages: the number out of every column that held it, the texts out, the facts kept
      const ids: string[] = (await trx("sms_rcs_message").select("id").where((q) => this.theirMessages(q, subject))).map((r: { id: string }) => r.id)
      for (const { phone, standIn } of numbers) {
        // a campaign's idempotency key names the number it went to
        await trx("sms_rcs_message")
          .whereIn("id", ids)
          .whereRaw("strpos(idempotency_key, ?) > 0", [phone])
          .update({ idempotency_key: trx.raw("replace(idempotency_key, ?, ?)", [phone, standIn]) })
      }
      const messages = ids.length
        ? await trx("sms_rcs_message")
            .whereIn("id", ids)
            .update({
              to: null,
              raw_to: null,
              body: null,
              rich_payload: null,
              metadata: null,
              // a text still waiting is not sent to a number that no longer exists here (the claim is a
              // conditional queued→sending update, so a worker cannot take it after this)
              status: trx.raw(`CASE WHEN status IN ('queued', 'deferred') THEN 'skipped' ELSE status END`),
              // a provider's error text can quote the number: keep only the reason's code ("twilio", "opted_out")
              status_reason: trx.raw(
                `CASE WHEN status IN ('queued', 'deferred') THEN ? ELSE nullif(split_part(status_reason, ':', 1), '') END`,
                [ERASED_BEFORE_SENDING]
              ),
              updated_at: trx.fn.now(),
            })
        : 0
      // the customer's texts that went to a number not proven theirs: the number stays (it is not
      // theirs to erase), what the text said about them goes
      const detached = subject.customer_id
        ? await trx("sms_rcs_message")
            .where({ customer_id: subject.customer_id })
            .whereNotIn("id", ids)
            .update({ body: null, rich_payload: null, metadata: null, customer_id: null, updated_at: trx.fn.now() })
        : 0

      // 3. taps on those messages' links: who tapped goes, that a tap happened stays
      const clicks = ids.length
        ? await trx("sms_rcs_click").whereIn("message_id", ids).update({ user_agent: null, ip_hash: null, updated_at: trx.fn.now() })
        : 0
      // a target can carry the person (a cart id, a tracking number): cut to the origin
      const trackedLinks = ids.length
        ? await trx("sms_rcs_tracked_link")
            .whereIn("message_id", ids)
            .update({ target_url: trx.raw("coalesce(substring(target_url from ?), '')", [URL_ORIGIN]), updated_at: trx.fn.now() })
        : 0

      // 4. what came from the person, and what the RCS provider said about their phone
      const inbound = await trx("sms_rcs_inbound_message").whereIn("from", phones).delete()
      const conversations = await trx("sms_rcs_conversation").whereIn("phone", phones).delete()
      // a hand-off not delivered yet is not delivered: its row keeps the shopper's phone and words
      const handoffWebhooks = await trx("sms_rcs_handoff_webhook").whereIn("phone", phones).delete()
      const capabilities = await trx("sms_rcs_phone_capability").whereIn("phone", phones).delete()
      // proof-of-number codes: for these numbers, and the ones this customer asked for
      const verifications = await trx("sms_rcs_phone_verification")
        .where((q) => {
          q.whereIn("phone", phones)
          if (subject.customer_id) q.orWhere({ customer_id: subject.customer_id })
        })
        .delete()
      // back-in-stock requests: the shopper's own, with their address; an alert not sent yet is not sent
      const backInStock = await trx("sms_rcs_back_in_stock_request")
        .where((q) => {
          q.whereIn("phone", phones)
          if (subject.customer_id) q.orWhere({ customer_id: subject.customer_id })
        })
        .delete()
      const productViews = await trx("sms_rcs_product_view")
        .where((q) => {
          q.whereIn("phone", phones)
          if (subject.customer_id) q.orWhere({ customer_id: subject.customer_id })
        })
        .delete()
      // offer codes issued to their texts: the code and its promotion stay (an order may refer to it), the number goes
      const offerCodes = await trx("sms_rcs_offer_code")
        .where((q) => {
          q.whereIn("phone", phones)
          if (ids.length) q.orWhereIn("message_id", ids)
        })
        .whereNotNull("phone")
        .update({ phone: null, updated_at: trx.fn.now() })

      // 5. the ledger: events kept as proof under the stand-in, without the person's words or traces;
      //    the current state is derived from them and goes (the suppression above keeps the opt-outs)
      // the customer asked (on the storefront) for a number not proven theirs: that number's ledger
      // stays its owner's; the customer's link to it and their browser's traces go
      if (subject.customer_id) {
        await trx("sms_rcs_consent_event").where({ customer_id: subject.customer_id }).whereNotIn("phone", phones).update({ ip: null, user_agent: null, customer_id: null, updated_at: trx.fn.now() })
        await trx("sms_rcs_consent").where({ customer_id: subject.customer_id }).whereNotIn("phone", phones).update({ customer_id: null, updated_at: trx.fn.now() })
      }
      let consentEvents = 0
      for (const { phone, standIn } of numbers) {
        consentEvents += await trx("sms_rcs_consent_event")
          .where({ phone })
          .update({
            phone: standIn,
            ip: null,
            user_agent: null,
            evidence: null,
            wording: trx.raw(`CASE WHEN source IN (${OWN_WORDS_SOURCES.map(() => "?").join(", ")}) THEN NULL ELSE wording END`, OWN_WORDS_SOURCES),
            updated_at: trx.fn.now(),
          })
      }
      const consents = await trx("sms_rcs_consent").whereIn("phone", phones).delete()
      const erased: ErasedCounts = {
        phones: phones.length,
        messages,
        detached_messages: detached,
        clicks,
        tracked_links: trackedLinks,
        inbound_messages: inbound,
        conversations,
        handoff_webhooks: handoffWebhooks,
        phone_capabilities: capabilities,
        phone_verifications: verifications,
        back_in_stock_requests: backInStock,
        product_views: productViews,
        offer_codes: offerCodes,
        consent_events: consentEvents,
        consents,
        suppressions,
      }
      if (dryRun) throw new RolledBack(erased)
      await this.audit.record(trx, { ...audit, action: "personal_data.erase", summary: erased })
      return erased
    })
  }
}
