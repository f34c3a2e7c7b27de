import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ConsentAction, ConsentPurpose, ConsentState } from "../../../lib/consent"
import { MicroBatcher } from "../../../lib/batching/micro-batcher"
import { lockTextsTo, textsAskedToday } from "./texts-asked"

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
  /** Only for events that happened elsewhere (an import); otherwise the database's now(). */
  occurred_at?: Date
}

type AlsoInTransaction = (trx: Knex.Transaction, results: { event_id: string; status: string }[]) => Promise<unknown>

const STATUS_OF = { grant: "granted", revoke: "revoked", request: "pending" } as const
/**
 * Opt-outs a START from the number may undo: its STOP texts (and the carrier's STOP), and storefront
 * opt-outs. A START is the number's own word; an admin's or an import's revoke is the store's decision.
 */
const OWNER_OPT_OUT_SOURCES = new Set(["keyword", "storefront_form"])

/**
 * The consent ledger in SQL: each event is appended (never updated or deleted) and the current state row
 * is upserted in the same transaction, by the same rule as `foldConsent`: the latest event wins — latest
 * by the database's clock and sequence, (occurred_at, seq) — of the grants and revokes; a request never
 * overrides either (it is "pending" only where the number has no other state).
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
    const channel = input.channel ?? "all"
    const eventId = generateEntityId(undefined, "smsce")
    const status = STATUS_OF[input.action]
    // Anyone may ask for a number's opt-in, so a request is only an event: it never changes the state a
    // grant or revoke left (a stranger's ask must not wipe the owner's STOP), and never ties the number to
    // the asker's account. It makes a "pending" row only where the number had none.
    const isRequest = input.action === "request"
    // The event's time is the database's (now(), unless an import brings its own), and its place in the
    // ledger is (occurred_at, seq): every process orders by the same clock and the same sequence.
    const { rows } = await trx.raw(
      `WITH event AS (
         INSERT INTO sms_rcs_consent_event (id, phone, customer_id, purpose, channel, action, source, wording, wording_version, locale, ip, user_agent, evidence, occurred_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?::timestamptz, now()))
         RETURNING id, occurred_at, seq
       )
       INSERT INTO sms_rcs_consent (id, phone, customer_id, purpose, channel, status, granted_at, revoked_at, last_event_id, last_event_at, last_event_seq)
       SELECT ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN event.occurred_at END, CASE WHEN ? THEN event.occurred_at END, event.id, event.occurred_at, event.seq
         FROM event
       ON CONFLICT (phone, purpose, channel) WHERE deleted_at IS NULL DO UPDATE SET
         status = excluded.status,
         customer_id = coalesce(excluded.customer_id, sms_rcs_consent.customer_id),
         granted_at = coalesce(excluded.granted_at, sms_rcs_consent.granted_at),
         revoked_at = coalesce(excluded.revoked_at, sms_rcs_consent.revoked_at),
         last_event_id = excluded.last_event_id,
         last_event_at = excluded.last_event_at,
         last_event_seq = excluded.last_event_seq,
         updated_at = now()
       WHERE (sms_rcs_consent.last_event_at IS NULL OR sms_rcs_consent.status = 'pending'
              OR (sms_rcs_consent.last_event_at, coalesce(sms_rcs_consent.last_event_seq, 0)) < (excluded.last_event_at, excluded.last_event_seq))
         AND excluded.status <> 'pending'
       RETURNING status`,
      [
        eventId,
        input.phone,
        input.customer_id ?? null,
        input.purpose,
        channel,
        input.action,
        input.source,
        input.wording ?? null,
        input.wording_version ?? null,
        input.locale ?? null,
        input.ip ?? null,
        input.user_agent ?? null,
        input.evidence ? JSON.stringify(input.evidence) : null,
        input.occurred_at ?? null,
        generateEntityId(undefined, "smscons"),
        input.phone,
        isRequest ? null : input.customer_id ?? null,
        input.purpose,
        channel,
        status,
        input.action === "grant",
        input.action === "revoke",
      ]
    )
    const current =
      rows[0]?.status ??
      (await trx("sms_rcs_consent").where({ phone: input.phone, purpose: input.purpose, channel }).whereNull("deleted_at").first("status"))?.status
    return { event_id: eventId, status: current }
  }

  /**
   * A marketing opt-in request from the storefront: recorded with its proof, and whether it may text the
   * number "reply YES": not if the number stopped everything, is already subscribed, or was asked within
   * the cooldown, or got `maxTextsPerDay` proof codes and asks in the last day (one allowance for both, so
   * alternating them does not double it). Decided under the per-number lock the codes take too, so
   * concurrent requests make one text.
   */
  async requestOptIn(
    input: RecordConsentInput,
    cooldownHours: number,
    maxTextsPerDay: number
  ): Promise<{ event_id: string; status: string; ask: boolean }> {
    return this.knex.transaction(async (trx) => {
      await lockTextsTo(trx, input.phone)
      const { rows } = await trx.raw(
        `SELECT EXISTS (SELECT 1 FROM sms_rcs_consent_event
                         WHERE phone = ? AND purpose = 'marketing' AND action = 'request' AND deleted_at IS NULL
                           AND evidence->>'confirmation_text' = 'true' AND occurred_at > now() - (? * interval '1 hour')) AS asked_recently`,
        [input.phone, cooldownHours]
      )
      // as the send gate reads it: an erased number's kept STOP ALL counts too
      const state = { ...(await this.stateOf(input.phone)), asked_recently: rows[0].asked_recently as boolean }
      const withheld =
        state.transactional === "revoked"
          ? "the number stopped all messages"
          : state.marketing === "granted"
            ? "the number is subscribed already"
            : state.asked_recently
              ? `the number was asked less than ${cooldownHours} h ago`
              : (await textsAskedToday(trx, input.phone)) >= maxTextsPerDay
                ? `${maxTextsPerDay} codes or opt-in asks went to this number in the last day`
                : null
      const evidence = { ...(input.evidence ?? {}), confirmation_text: !withheld, ...(withheld ? { no_text_because: withheld } : {}) }
      const recorded = await this.recordIn(trx, { ...input, action: "request", evidence })
      return { ...recorded, ask: !withheld }
    })
  }

  /**
   * The double opt-in request a YES from this phone confirms: asked by text within `ttlHours` (by the
   * database's clock), and no grant or revoke since the ask. Read from the events, not the state row: a
   * request does not change the state (the number may be revoked, and still its owner may say YES).
   */
  async pendingRequest(phone: string, ttlHours: number): Promise<string | null> {
    const { rows } = await this.knex.raw(
      `SELECT e.id FROM sms_rcs_consent_event e
        WHERE e.phone = ? AND e.purpose = 'marketing' AND e.action = 'request' AND e.deleted_at IS NULL
          AND e.evidence->>'confirmation_text' = 'true' AND e.occurred_at > now() - (? * interval '1 hour')
          AND NOT EXISTS (SELECT 1 FROM sms_rcs_consent_event r
                           WHERE r.phone = e.phone AND r.purpose = 'marketing' AND r.action IN ('grant', 'revoke')
                             AND r.deleted_at IS NULL AND (r.occurred_at, r.seq) > (e.occurred_at, e.seq))
        ORDER BY e.occurred_at DESC, e.seq DESC
        LIMIT 1`,
      [phone, ttlHours]
    )
    return rows[0]?.id ?? null
  }

  /**
   * What the owner's last opt-out ended, per purpose, for a START: the purposes whose latest events are
   * revokes the owner made (a STOP text, the carrier's STOP, the storefront) after a state that let
   * messages go — a grant for marketing; a grant or nothing at all for transactional. A revoke an admin
   * or an import recorded is not undone by START. An erased number's kept STOP ALL is lifted by START.
   */
  async endedByLastStop(phone: string): Promise<ConsentPurpose[]> {
    const { rows } = await this.knex.raw(
      `SELECT purpose, action, source FROM (
         SELECT purpose, action, source, row_number() OVER (PARTITION BY purpose ORDER BY occurred_at DESC, seq DESC) AS n
           FROM sms_rcs_consent_event
          WHERE phone = ? AND channel = 'all' AND deleted_at IS NULL
       ) latest WHERE n <= 50 ORDER BY purpose, n`,
      [phone]
    )
    const ended: ConsentPurpose[] = []
    for (const purpose of ["marketing", "transactional"] as const) {
      // requests are anyone's asks, not the owner's word: they neither end a STOP nor hide what it ended
      const events = (rows as { purpose: string; action: ConsentAction; source: string }[]).filter(
        (r) => r.purpose === purpose && r.action !== "request"
      )
      let k = 0
      while (k < events.length && events[k].action === "revoke") k++
      const revokes = events.slice(0, k)
      if (!revokes.length || revokes.some((r) => !OWNER_OPT_OUT_SOURCES.has(r.source))) continue
      const before = events[k]
      if (before?.action === "grant" || (purpose === "transactional" && !before)) ended.push(purpose)
    }
    // An erased number keeps only its revocations, not who made them: its owner's START lifts the kept STOP
    // ALL (order texts were allowed before it); marketing needs a new opt-in.
    const hasTransactionalEvents = (rows as { purpose: string }[]).some((r) => r.purpose === "transactional")
    if (!hasTransactionalEvents && (await this.stateOf(phone)).transactional === "revoked") ended.push("transactional")
    return ended
  }

  /**
   * The current consent of a phone, per purpose, as the send gate reads it. A revocation kept from the
   * number's erasure counts unless the number has a consent row again (recorded after the erasure, which
   * deleted the number's rows: a new STOP or START by its owner decides).
   */
  async stateOf(phone: string): Promise<ConsentState> {
    return (await this.stateOfMany([phone]))[0]
  }

  /**
   * `stateOf` for the send gate, read fresh but grouped: the consent reads of the jobs in hand share one
   * query (each worker reads a message's consent twice, before and after its rate-limit wait).
   */
  stateForSend(phone: string): Promise<ConsentState> {
    return this.sendReads.add(phone)
  }

  private readonly sendReads = new MicroBatcher<string, ConsentState>((phones) => this.stateOfMany(phones), { maxSize: 200, maxWaitMs: 2 })

  /** `stateOf` of several phones in one query, in their order. */
  async stateOfMany(phones: string[]): Promise<ConsentState[]> {
    const keys = this.erasedKeyOf ? await Promise.all(phones.map((phone) => this.erasedKeyOf!(phone))) : phones.map(() => "")
    const { rows } = await this.knex.raw(
      `SELECT phone AS k, purpose, status, 1 AS precedence FROM sms_rcs_consent WHERE phone = ANY(?) AND deleted_at IS NULL
       UNION ALL
       SELECT phone_key, purpose, 'revoked', 0 FROM sms_rcs_erased_suppression WHERE phone_key = ANY(?) AND deleted_at IS NULL
       ORDER BY precedence`,
      [[...new Set(phones)], [...new Set(keys.filter(Boolean))]]
    )
    const byKey = new Map<string, { purpose: string; status: string }[]>()
    for (const row of rows as { k: string; purpose: string; status: string }[]) {
      byKey.set(row.k, [...(byKey.get(row.k) ?? []), row])
    }
    return phones.map((phone, i) => {
      // erased-number revocations first, the number's own rows after them: a row recorded since wins
      const mine = [...(keys[i] ? byKey.get(keys[i]) ?? [] : []), ...(byKey.get(phone) ?? [])]
      return Object.fromEntries(mine.map((r) => [r.purpose, r.status])) as ConsentState
    })
  }
}

