import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { awaitsOfferCode, fillOfferCode, fillOfferCodeInPayload, type OfferSetting } from "../../../lib/offers/offer-code"
import { countSegments, estimateCost, type Pricing } from "../../../lib/sms-encoding"
import { withStatementTimeout } from "../statement-timeout"

const TABLE = "sms_rcs_offer_code"
const COLUMNS = [
  "id", "message_id", "idempotency_key", "automation", "campaign_id", "base_promotion_id", "promotion_id", "code",
  "expires_at", "order_id", "redeemed_at", "removed_at", "created_at",
]

export type OfferCodeRow = {
  id: string
  message_id: string
  idempotency_key: string
  automation: string | null
  campaign_id: string | null
  base_promotion_id: string
  promotion_id: string | null
  code: string
  expires_at: Date
  order_id: string | null
  redeemed_at: Date | null
  removed_at: Date | null
  created_at: Date
}

/** What the code's workflow needs of the message that waits for it. */
export type MessageAwaitingOffer = {
  id: string
  idempotency_key: string
  to: string | null
  status: string
  locale: string | null
  time_zones: string[] | null
  automation: string | null
  campaign_id: string | null
  offer: OfferSetting | null
  awaits_code: boolean
}

export type OfferRedemptions = {
  by_automation: { automation: string; issued: number; redeemed: number }[]
  by_campaign: { campaign_id: string; issued: number; redeemed: number }[]
}

/**
 * The single-use codes issued to messages (the Promotion module holds the promotions; this table says
 * which message each code was made for). One code per message: the unique index on `message_id` makes
 * two requests for the same message (a redelivered event, two workers) end with one code.
 */
export class OfferCodes {
  constructor(
    private readonly knex: Knex,
    private readonly pricing: Pricing | undefined,
    private readonly timeoutMs = 15_000
  ) {}

  /** The message a code is asked for, with its offer (from its automation's or campaign's metadata). */
  async messageAwaitingOffer(messageId: string): Promise<MessageAwaitingOffer | null> {
    const row = await this.knex("sms_rcs_message")
      .where({ id: messageId })
      .whereNull("deleted_at")
      .first("id", "idempotency_key", "to", "status", "locale", "time_zones", "automation", "campaign_id", "metadata", "body", "rich_payload")
    if (!row) return null
    const offer = row.metadata?.offer
    const valid =
      offer && typeof offer.promotion_id === "string" && Number.isFinite(offer.valid_hours)
        ? { promotion_id: offer.promotion_id as string, valid_hours: Number(offer.valid_hours) }
        : null
    return {
      id: row.id,
      idempotency_key: row.idempotency_key,
      to: row.to,
      status: row.status,
      locale: row.locale,
      time_zones: row.time_zones,
      automation: row.automation,
      campaign_id: row.campaign_id,
      offer: valid,
      awaits_code: awaitsOfferCode(row.body, row.rich_payload),
    }
  }

  /**
   * The message's code: the one it already has, or this new one, reserved before the promotion is
   * created (so a retry after a crash creates the promotion for the same code, never a second code).
   */
  async reserve(input: {
    message: MessageAwaitingOffer
    base_promotion_id: string
    code: string
    expires_at: Date
  }): Promise<{ row: OfferCodeRow; created: boolean }> {
    const { message } = input
    const inserted = await this.knex.raw(
      `INSERT INTO ${TABLE} (id, message_id, idempotency_key, phone, automation, campaign_id, base_promotion_id, code, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (message_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING ${COLUMNS.join(", ")}`,
      [
        generateEntityId(undefined, "smsoffer"),
        message.id,
        message.idempotency_key,
        message.to,
        message.automation,
        message.campaign_id,
        input.base_promotion_id,
        input.code,
        input.expires_at,
      ]
    )
    if (inserted.rows.length) return { row: inserted.rows[0], created: true }
    const existing = await this.knex(TABLE).select(COLUMNS).where({ message_id: message.id }).whereNull("deleted_at").first()
    return { row: existing, created: false }
  }

  /** The promotion the Promotion module created for the code. */
  async recordPromotion(id: string, promotionId: string): Promise<void> {
    await this.knex(TABLE).where({ id }).update({ promotion_id: promotionId, updated_at: this.knex.fn.now() })
  }

  /**
   * Puts the code and its end into the message's text and RCS variant (segments and price counted again),
   * only while the message still waits to be sent: one erased or canceled meanwhile stays as it is.
   * True when the message holds its code now.
   */
  async fillMessage(messageId: string, code: string, expires: string): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const row = await trx("sms_rcs_message")
        .where({ id: messageId })
        .whereIn("status", ["queued", "deferred"])
        .whereNull("deleted_at")
        .forUpdate()
        .first("body", "rich_payload", "channel", "country_code")
      if (!row?.body) return false
      if (!awaitsOfferCode(row.body, row.rich_payload)) return true
      const body = fillOfferCode(row.body, code, expires)
      const counted = countSegments(body)
      const cost = estimateCost(this.pricing, { channel: row.channel, country: row.country_code, segments: counted.segments })
      await trx("sms_rcs_message")
        .where({ id: messageId })
        .update({
          body,
          rich_payload: row.rich_payload ? JSON.stringify(fillOfferCodeInPayload(row.rich_payload, code, expires)) : null,
          encoding: counted.encoding,
          segments: counted.segments,
          ...(cost ? { cost_amount: cost.amount, cost_currency_code: cost.currency_code } : {}),
          updated_at: trx.fn.now(),
        })
      return true
    })
  }

  /** A message that cannot get its code (its promotion is gone) is not sent with a placeholder: it fails, saying why. */
  async failMessage(messageId: string, reason: string): Promise<void> {
    await this.knex("sms_rcs_message")
      .where({ id: messageId })
      .whereIn("status", ["queued", "deferred"])
      .update({ status: "failed", status_reason: reason, status_updated_at: this.knex.fn.now(), updated_at: this.knex.fn.now() })
  }

  /** Codes whose promotion was used at checkout though no order was credited to them (kept, not deleted). */
  async markUsed(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.knex(TABLE).whereIn("id", ids).whereNull("redeemed_at").update({ redeemed_at: this.knex.fn.now(), updated_at: this.knex.fn.now() })
  }

  /** Issued codes among these (an order's promotion codes), case apart. */
  async issued(codes: string[], db: Knex = this.knex): Promise<OfferCodeRow[]> {
    const upper = [...new Set(codes.filter(Boolean).map((c) => c.toUpperCase()))]
    if (!upper.length) return []
    return db(TABLE).select(COLUMNS).whereIn("code", upper).whereNull("deleted_at")
  }

  /** Expired codes no order used whose promotion is still there, oldest first, for the cleanup job. */
  async expiredUnused(now: Date, limit: number): Promise<OfferCodeRow[]> {
    return this.knex(TABLE)
      .select(COLUMNS)
      .whereNull("deleted_at")
      .whereNull("redeemed_at")
      .whereNull("removed_at")
      .where("expires_at", "<", now)
      .orderBy("expires_at", "asc")
      .limit(limit)
  }

  /** The promotions of these codes were deleted. */
  async markRemoved(ids: string[]): Promise<void> {
    if (!ids.length) return
    await this.knex(TABLE).whereIn("id", ids).update({ removed_at: this.knex.fn.now(), updated_at: this.knex.fn.now() })
  }

  /** Codes issued and redeemed, per automation and per campaign, for codes issued in the period. */
  async redemptions(from: Date, to: Date): Promise<OfferRedemptions> {
    return withStatementTimeout(this.knex, this.timeoutMs, { name: "Offer code redemptions", narrow: "choose a shorter period" }, async (db) => {
      const base = () =>
        db(TABLE).whereNull("deleted_at").where("created_at", ">=", from).where("created_at", "<", to).whereNotNull("promotion_id")
      const byAutomation = await base()
        .whereNotNull("automation")
        .select("automation")
        .count({ issued: "*" })
        .count({ redeemed: "redeemed_at" })
        .groupBy("automation")
        .orderBy("automation")
      const byCampaign = await base()
        .whereNotNull("campaign_id")
        .select("campaign_id")
        .count({ issued: "*" })
        .count({ redeemed: "redeemed_at" })
        .groupBy("campaign_id")
        .orderBy("campaign_id")
      const num = (r: Record<string, unknown>) => ({ issued: Number(r.issued), redeemed: Number(r.redeemed) })
      return {
        by_automation: byAutomation.map((r: any) => ({ automation: r.automation, ...num(r) })),
        by_campaign: byCampaign.map((r: any) => ({ campaign_id: r.campaign_id, ...num(r) })),
      }
    })
  }
}
