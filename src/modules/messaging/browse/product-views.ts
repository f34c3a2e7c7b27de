import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

const TABLE = "sms_rcs_product_view"

export type ProductViewRow = {
  id: string
  phone: string
  country_code: string | null
  product_id: string
  customer_id: string | null
  cart_id: string | null
  locale: string | null
  viewed_at: Date
}

export type ViewSettlement = "texted" | "carted" | "recently_texted" | "no_consent" | "expired"

/** Product views of known shoppers, one open row per phone and product (single statements, race-free). */
export class ProductViews {
  constructor(private readonly knex: Knex) {}

  async record(view: Omit<ProductViewRow, "id" | "viewed_at">, at: Date = new Date()): Promise<void> {
    await this.knex.raw(
      `INSERT INTO ${TABLE} (id, phone, country_code, product_id, customer_id, cart_id, locale, viewed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (phone, product_id) WHERE deleted_at IS NULL AND settled_at IS NULL DO UPDATE
         SET viewed_at = greatest(${TABLE}.viewed_at, excluded.viewed_at),
             customer_id = coalesce(excluded.customer_id, ${TABLE}.customer_id),
             cart_id = coalesce(excluded.cart_id, ${TABLE}.cart_id),
             locale = coalesce(excluded.locale, ${TABLE}.locale),
             updated_at = now()`,
      [generateEntityId(undefined, "smsview"), view.phone, view.country_code, view.product_id, view.customer_id, view.cart_id, view.locale, at]
    )
  }

  /** Open views last seen before `before` (and after `notBefore`), oldest first. */
  async due(before: Date, notBefore: Date, limit: number): Promise<ProductViewRow[]> {
    return this.knex(TABLE)
      .select("id", "phone", "country_code", "product_id", "customer_id", "cart_id", "locale", "viewed_at")
      .whereNull("deleted_at")
      .whereNull("settled_at")
      .where("viewed_at", "<", before)
      .where("viewed_at", ">=", notBefore)
      .orderBy([{ column: "viewed_at", order: "asc" }, { column: "id", order: "asc" }])
      .limit(limit)
  }

  /** Settles a view as seen at `viewedAt`: a newer view of the same product keeps it open. */
  async settle(id: string, reason: ViewSettlement, viewedAt: Date): Promise<void> {
    await this.knex(TABLE)
      .where({ id })
      .whereNull("settled_at")
      // the time as read back (milliseconds): a view written with microseconds still matches itself
      .whereRaw("date_trunc('milliseconds', viewed_at) <= ?", [viewedAt])
      .update({ settled_at: this.knex.fn.now(), settled_reason: reason, updated_at: this.knex.fn.now() })
  }

  /** Settles every open view of a phone (one text per N days covers them all). */
  async settlePhone(phone: string, reason: ViewSettlement): Promise<void> {
    await this.knex(TABLE)
      .where({ phone })
      .whereNull("deleted_at")
      .whereNull("settled_at")
      .update({ settled_at: this.knex.fn.now(), settled_reason: reason, updated_at: this.knex.fn.now() })
  }

  /** When a phone last got a text from one of these automations (browse abandonment, abandoned cart …). */
  async lastTextedAt(phone: string, automations: string[]): Promise<Date | null> {
    const row = await this.knex("sms_rcs_message")
      .max("created_at as at")
      .where({ to: phone })
      .whereIn("automation", automations)
      .whereNull("deleted_at")
      .whereNotIn("status", ["skipped", "suppressed", "failed"])
      .first()
    return row?.at ? new Date(row.at) : null
  }
}
