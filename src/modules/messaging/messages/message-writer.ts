import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { entityIdSequence } from "../../../lib/messages"
import { estimateCost, type Pricing } from "../../../lib/sms-encoding"
import { newLinkCode, type NewTrackedLink } from "../../../lib/tracking"
import type { CreateMessageInput, MessageDTO } from "../types"

const MESSAGES = "sms_rcs_message"

/** A message row to write: what a caller knows, plus the fields only the plugin's own paths set. */
export type NewMessage = CreateMessageInput & {
  id?: string
  /** The campaign's A/B variant this text is. */
  campaign_variant?: string | null
  /** The RCS message this SMS replaces. */
  fallback_of_id?: string | null
}

/**
 * Every column a new message may be given, with its type for `json_to_recordset`: the one list all paths
 * write (a single send, a campaign page, an RCS fallback), so none of them can forget a column.
 */
const COLUMNS: [name: string, type: string][] = [
  ["id", "text"], ["to", "text"], ["raw_to", "text"], ["country_code", "text"], ["rule_region", "text"],
  ["time_zones", "text[]"], ["channel", "text"], ["purpose", "text"], ["template_key", "text"], ["locale", "text"],
  ["body", "text"], ["rich_payload", "jsonb"], ["status", "text"], ["status_reason", "text"], ["idempotency_key", "text"],
  ["encoding", "text"], ["segments", "int"], ["cost_amount", "real"], ["cost_currency_code", "text"], ["order_id", "text"],
  ["cart_id", "text"], ["customer_id", "text"], ["campaign_id", "text"], ["campaign_variant", "text"], ["automation", "text"],
  ["fallback_of_id", "text"], ["send_after", "timestamptz"], ["metadata", "jsonb"], ["consent_reply", "text"],
  ["conversation_role", "text"], ["sent_by", "text"], ["media_url", "text"],
]
/** The model's defaults, for a caller that leaves these out (the recordset reads a missing field as null). */
const DEFAULTS: Record<string, string> = { channel: "'sms'", status: "'queued'", segments: "0" }
const NAMES = COLUMNS.map(([name]) => `"${name}"`).join(", ")
const VALUES = COLUMNS.map(([name]) => (DEFAULTS[name] ? `coalesce("${name}", ${DEFAULTS[name]})` : `"${name}"`)).join(", ")
const RECORD = COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", ")

/**
 * Messages and the tracked links of those inserted, in one statement (two JSON parameters: no
 * bind-parameter limit, one round trip however many rows). ON CONFLICT on the idempotency key: a
 * duplicate is not written, nor are its links.
 */
const insertSql = (returning: string) => `
  WITH inserted AS (
    INSERT INTO ${MESSAGES} (${NAMES}, status_updated_at)
    SELECT ${VALUES}, now() FROM json_to_recordset(?::json) AS m(${RECORD})
    ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
    RETURNING ${returning}
  ), links AS (
    INSERT INTO sms_rcs_tracked_link (id, code, target_url, channel, message_id, campaign_id, expires_at)
    SELECT l.id, l.code, l.target_url, l.channel, l.message_id, l.campaign_id, l.expires_at
      FROM json_to_recordset(?::json) AS l(id text, code text, target_url text, channel text, message_id text, campaign_id text, expires_at timestamptz)
     WHERE l.message_id IN (SELECT id FROM inserted)
  )
  SELECT * FROM inserted`
/** A single send needs its row back; a campaign page only how many were new. */
const INSERT_RETURNING_ROWS = insertSql("*")
const INSERT_RETURNING_IDS = insertSql("id")

/**
 * The one writer of message rows: a single send (sendMessageWorkflow), a campaign's page of thousands
 * (fan-out) and the SMS that replaces a failed RCS message all go through `insert`, with the same
 * columns, the same idempotency rule and the same link lifetime (`tracking.expireAfterDays`).
 */
export class MessageWriter {
  constructor(
    private readonly knex: Knex,
    private readonly settings: { linkLifetimeDays: number; smsFallback: boolean; pricing?: Pricing }
  ) {}

  /** Rows as the recordset reads them, and their links with ids and expiry. */
  protected rowsOf(messages: NewMessage[]): { rows: Record<string, unknown>[]; links: Record<string, unknown>[] } {
    const expiresAt = new Date(Date.now() + this.settings.linkLifetimeDays * 86_400_000)
    // ids in the order they were made: a campaign's feed walks its messages by id, in planning order
    const messageId = entityIdSequence("msg")
    const linkId = entityIdSequence("smslnk")
    const rows: Record<string, unknown>[] = []
    const links: Record<string, unknown>[] = []
    for (const { links: own, ...message } of messages) {
      const id = message.id ?? messageId()
      rows.push({ ...message, id })
      for (const link of own ?? []) {
        links.push({ id: linkId(), ...link, message_id: id, campaign_id: message.campaign_id ?? null, expires_at: expiresAt })
      }
    }
    return { rows, links }
  }

  /** Writes messages that are not there yet (by idempotency key) with their links; returns the ids written. */
  async insert(messages: NewMessage[], db: Knex = this.knex): Promise<string[]> {
    return (await this.write(messages, db, INSERT_RETURNING_IDS)).map((row) => row.id)
  }

  protected async write(messages: NewMessage[], db: Knex, sql: string): Promise<MessageDTO[]> {
    if (!messages.length) return []
    const { rows, links } = this.rowsOf(messages)
    return (await db.raw(sql, [JSON.stringify(rows), JSON.stringify(links)])).rows
  }

  /**
   * One message, unless one with the same idempotency key exists, in which case that one is returned.
   * The unique index decides, so concurrent deliveries of one event still make one message.
   */
  async createOnce(input: NewMessage): Promise<{ message: MessageDTO; created: boolean }> {
    const [inserted] = await this.write([input], this.knex, INSERT_RETURNING_ROWS)
    if (inserted) {
      return { message: inserted, created: true }
    }
    const existing = await this.knex(MESSAGES).where({ idempotency_key: input.idempotency_key }).whereNull("deleted_at").first()
    return { message: existing as MessageDTO, created: false }
  }

  /**
   * The SMS that replaces a failed or expired RCS message: the RCS message's SMS text, as a row of its own
   * linked by `fallback_of_id` (one per RCS message, whatever calls this), with fresh tracked links so a
   * tap on the SMS counts as its own touch. Returns the new message's id, or null if it existed already
   * or the RCS message is not one to replace.
   */
  async createFallback(rcsId: string, reason: string): Promise<string | null> {
    if (!this.settings.smsFallback) return null
    return this.knex.transaction(async (trx) => {
      const original = await trx(MESSAGES).where({ id: rcsId, channel: "rcs" }).whereNull("deleted_at").first()
      if (!original?.to || !original.body) return null
      let body: string = original.body
      const smsLinks = await trx("sms_rcs_tracked_link").where({ message_id: rcsId, channel: "sms" }).whereNull("deleted_at")
      const links = smsLinks.map((link: { code: string; target_url: string }): NewTrackedLink => {
        const code = newLinkCode()
        body = body.split(`/r/${link.code}`).join(`/r/${code}`)
        return { code, target_url: link.target_url, channel: "sms" }
      })
      const cost = estimateCost(this.settings.pricing, { channel: "sms", country: original.country_code, segments: original.segments })
      const [id] = await this.insert(
        [
          {
            to: original.to,
            raw_to: original.raw_to,
            country_code: original.country_code,
            rule_region: original.rule_region,
            time_zones: original.time_zones,
            channel: "sms",
            purpose: original.purpose,
            template_key: original.template_key,
            locale: original.locale,
            body,
            status: "queued" as MessageDTO["status"],
            status_reason: `SMS fallback: ${reason}`,
            idempotency_key: `${original.idempotency_key}:sms-fallback`,
            encoding: original.encoding,
            segments: original.segments,
            cost_amount: cost?.amount ?? null,
            cost_currency_code: cost?.currency_code ?? null,
            order_id: original.order_id,
            cart_id: original.cart_id,
            customer_id: original.customer_id,
            campaign_id: original.campaign_id,
            campaign_variant: original.campaign_variant,
            automation: original.automation,
            fallback_of_id: rcsId,
            metadata: original.metadata,
            consent_reply: original.consent_reply,
            conversation_role: original.conversation_role,
            sent_by: original.sent_by,
            links,
          },
        ],
        trx
      )
      return id ?? null
    })
  }
}
