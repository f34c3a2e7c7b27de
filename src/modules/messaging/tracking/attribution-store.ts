import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { withStatementTimeout } from "../statement-timeout"
import { ATTRIBUTION_MODEL, pickLastTouch, type AttributionWindows, type Touch } from "../../../lib/tracking"

/** What attribution needs to know about an order (read by the workflow with `query.graph`). */
export type OrderFacts = {
  order_id: string
  placed_at: Date
  total: number
  currency_code: string
  /** The order's phone in E.164, to find the messages sent to it. */
  phone: string | null
  customer_id: string | null
  /** The tracked link's code the storefront put on the cart. */
  ref_code: string | null
  /** Promotion codes used by the order. */
  promo_codes: string[]
}

export type AttributionResult = {
  order_id: string
  message_id: string
  touch_type: Touch["type"]
  touch_at: Date
  channel: "sms" | "rcs"
} | null

type CandidateMessage = {
  id: string
  purpose: "transactional" | "marketing"
  body: string | null
  sent_at: Date
  delivered_at: Date | null
  read_at: Date | null
} & CreditedMessage

/** What the attribution row copies from the message it credits. */
type CreditedMessage = {
  id: string
  channel: "sms" | "rcs"
  template_key: string | null
  campaign_id: string | null
  automation: string | null
  cost_amount: number | null
}
const CREDITED_COLUMNS = ["id", "channel", "template_key", "campaign_id", "automation", "cost_amount"] as const

/**
 * Last-touch attribution of one order: the messages sent to the order's phone or customer within the
 * longest window, and their touches — clicks on their links (bots left out), the link whose code the
 * cart carries, a reply, a discount code of the message used by the order, an RCS read, a delivery — of
 * which the latest inside its window wins. Deliveries and reads of transactional texts do not count (a
 * shipping notice does not sell the next order); a tap on one of their links does.
 */
export class AttributionStore {
  constructor(
    private readonly knex: Knex,
    /** `reports.statementTimeoutMs`: a recompute over many orders must not hold a connection on one of them. */
    private readonly timeoutMs = 15_000
  ) {}

  /** One order's attribution, read and written in one transaction whose statements are time-limited. */
  attribute(order: OrderFacts, windows: AttributionWindows): Promise<AttributionResult> {
    return withStatementTimeout(
      this.knex,
      this.timeoutMs,
      // the row is derived from stored facts: an async commit keeps the fsync off order.placed's path, and
      // the repair job recomputes an order whose row a PostgreSQL crash dropped
      { name: `Attributing order ${order.order_id}`, narrow: "try again, or recompute a shorter period", asyncCommit: true },
      (trx) => this.attributeIn(trx, order, windows)
    )
  }

  private async attributeIn(db: Knex, order: OrderFacts, windows: AttributionWindows): Promise<AttributionResult> {
    const longest = Math.max(windows.click_hours, windows.delivery_hours, windows.read_hours)
    const since = new Date(order.placed_at.getTime() - longest * 3_600_000)
    const touches: Touch[] = []

    const who = [order.phone, order.customer_id].filter(Boolean)
    let messages: CandidateMessage[] = []
    if (who.length) {
      messages = await db("sms_rcs_message")
        .select(...CREDITED_COLUMNS, "purpose", "body", "sent_at", "delivered_at", "read_at")
        .whereNull("deleted_at")
        .whereNotNull("sent_at")
        .where("sent_at", ">=", since)
        .where("sent_at", "<=", order.placed_at)
        .where((q) => {
          if (order.phone) q.orWhere("to", order.phone)
          if (order.customer_id) q.orWhere("customer_id", order.customer_id)
        })
        .orderBy("sent_at", "desc")
        .limit(200)
    }
    for (const m of messages) {
      if (m.purpose === "marketing") {
        if (m.delivered_at) touches.push({ type: "delivered", at: new Date(m.delivered_at), message_id: m.id })
        if (m.read_at) touches.push({ type: "read", at: new Date(m.read_at), message_id: m.id })
      }
      for (const code of order.promo_codes) {
        if (code && m.body && new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(code)}([^A-Za-z0-9]|$)`, "i").test(m.body)) {
          touches.push({ type: "discount_code", at: new Date(m.sent_at), message_id: m.id })
        }
      }
    }
    if (messages.length) {
      const clicks = await db("sms_rcs_click")
        .select("message_id", "kind")
        .max("occurred_at as at")
        .whereIn("message_id", messages.map((m) => m.id))
        .where("is_bot", false)
        .whereNull("deleted_at")
        .where("occurred_at", "<=", order.placed_at)
        .groupBy("message_id", "kind")
      for (const click of clicks) {
        touches.push({ type: click.kind === "suggestion" ? "suggestion" : "click", at: new Date(click.at), message_id: click.message_id })
      }
    }
    if (order.ref_code) {
      // the cart says which link brought the shopper, even from another phone
      const ref = await db("sms_rcs_tracked_link as l")
        .leftJoin("sms_rcs_click as c", "c.tracked_link_id", "l.id")
        .where("l.code", order.ref_code)
        .whereNotNull("l.message_id")
        .where((q) => q.whereNull("c.occurred_at").orWhere("c.occurred_at", "<=", order.placed_at))
        .join("sms_rcs_message as m", "m.id", "l.message_id")
        .select("l.message_id", "m.sent_at")
        .max("c.occurred_at as at")
        .groupBy("l.message_id", "m.sent_at")
        .first()
      // the code came from a tap; if its click is not written yet (it is written just after the
      // redirect), the message's sending time stands for it, which the click window still bounds
      const at = ref?.at ?? ref?.sent_at
      if (ref?.message_id && at) {
        touches.push({ type: "click", at: new Date(at), message_id: ref.message_id })
      }
    }
    if (order.phone && messages.length) {
      const replies = await db("sms_rcs_inbound_message")
        .select("received_at")
        .where("from", order.phone)
        .where("intent", "none")
        .whereNull("deleted_at")
        .where("received_at", ">=", since)
        .where("received_at", "<=", order.placed_at)
      for (const reply of replies) {
        const at = new Date(reply.received_at)
        // a reply answers the latest message sent before it
        const answered = messages.find((m) => new Date(m.sent_at).getTime() <= at.getTime())
        if (answered) touches.push({ type: "reply", at, message_id: answered.id })
      }
    }

    await this.countForRecipients(db, order, since)

    // A code issued to one message (README, "Offer codes") names that message exactly: it is credited
    // whatever the other touches and from whichever phone the order came. The code keeps its order.
    const issued = await this.issuedCodeTouch(db, order)
    const winner = issued ?? pickLastTouch(touches, order.placed_at, windows)
    if (!winner) {
      await db("sms_rcs_attribution").where({ order_id: order.order_id }).whereNull("deleted_at").delete()
      return null
    }
    // the winner is one of the order's messages, or the one whose link the cart carries (read now)
    const message: CreditedMessage =
      messages.find((m) => m.id === winner.message_id) ??
      (await db("sms_rcs_message").where({ id: winner.message_id }).first(...CREDITED_COLUMNS))
    await db.raw(
      `INSERT INTO sms_rcs_attribution
         (id, order_id, message_id, campaign_id, template_key, automation, channel, touch_type, touch_at,
          order_total, raw_order_total, currency_code, message_cost, model, windows)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET
         message_id = excluded.message_id, campaign_id = excluded.campaign_id, template_key = excluded.template_key,
         automation = excluded.automation, channel = excluded.channel, touch_type = excluded.touch_type,
         touch_at = excluded.touch_at, order_total = excluded.order_total, raw_order_total = excluded.raw_order_total,
         currency_code = excluded.currency_code, message_cost = excluded.message_cost, model = excluded.model,
         windows = excluded.windows, updated_at = now()`,
      [
        generateEntityId(undefined, "smsattr"),
        order.order_id,
        message.id,
        message.campaign_id,
        message.template_key,
        message.automation,
        message.channel,
        winner.type,
        winner.at,
        order.total,
        JSON.stringify({ value: String(order.total), precision: 20 }),
        order.currency_code,
        message.cost_amount,
        ATTRIBUTION_MODEL,
        JSON.stringify(windows),
      ]
    )
    return { order_id: order.order_id, message_id: message.id, touch_type: winner.type, touch_at: winner.at, channel: message.channel }
  }

  /** The touch of an offer code the order used, issued to a message sent before the order. */
  private async issuedCodeTouch(db: Knex, order: OrderFacts): Promise<Touch | null> {
    const codes = [...new Set(order.promo_codes.filter(Boolean).map((c) => c.toUpperCase()))]
    if (!codes.length) return null
    const row = await db("sms_rcs_offer_code as o")
      .join("sms_rcs_message as m", "m.id", "o.message_id")
      .whereIn("o.code", codes)
      .whereNull("o.deleted_at")
      .whereNotNull("m.sent_at")
      .where("m.sent_at", "<=", order.placed_at)
      .where((q) => q.whereNull("o.order_id").orWhere("o.order_id", order.order_id))
      .orderBy("m.sent_at", "desc")
      .first("o.id", "o.message_id", "m.sent_at")
    if (!row) return null
    await db("sms_rcs_offer_code")
      .where({ id: row.id })
      .whereNull("order_id")
      .update({ order_id: order.order_id, redeemed_at: order.placed_at, updated_at: db.fn.now() })
    return { type: "discount_code", at: new Date(row.sent_at), message_id: row.message_id }
  }

  /**
   * The order counted for every marketing automation or campaign message its phone or customer got, or
   * was held out of, within the longest attribution window before it (incrementality's outcome; see
   * models/recipient-order.ts). Replaced on every run, so a recompute with new windows rewrites it. An
   * SMS fallback counts as the RCS message it replaced: one recipient, one exposure.
   */
  private async countForRecipients(db: Knex, order: OrderFacts, since: Date): Promise<void> {
    await db("sms_rcs_recipient_order").where({ order_id: order.order_id }).delete()
    const who = [order.phone ? `"to" = ?` : null, order.customer_id ? `customer_id = ?` : null].filter(Boolean)
    if (!who.length) return
    const { rows } = await db.raw(
      `SELECT DISTINCT coalesce(fallback_of_id, id) AS message_id
         FROM sms_rcs_message
        WHERE deleted_at IS NULL AND purpose = 'marketing' AND (automation IS NOT NULL OR campaign_id IS NOT NULL)
          AND (status = 'held_out' OR sent_at IS NOT NULL)
          AND (${who.join(" OR ")})
          AND ${EXPOSED_AT} >= ? AND ${EXPOSED_AT} <= ?`,
      [...[order.phone, order.customer_id].filter(Boolean), since, order.placed_at] as Knex.RawBinding[]
    )
    if (!rows.length) return
    await db("sms_rcs_recipient_order").insert(
      rows.map((row: { message_id: string }) => ({
        id: generateEntityId(undefined, "smsrord"),
        message_id: row.message_id,
        order_id: order.order_id,
        order_total: order.total,
        currency_code: order.currency_code,
        placed_at: order.placed_at,
      }))
    )
  }
}

/**
 * When a recipient was exposed to a marketing message: sent, or — held out — when it would have been
 * (its due time, else when it was decided), so both groups' windows start at the same moment.
 */
const EXPOSED_AT = `CASE WHEN status = 'held_out' THEN coalesce(send_after, created_at) ELSE sent_at END`

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
