import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

const TABLE = "sms_rcs_back_in_stock_request"

export type BackInStockRequestRow = {
  id: string
  phone: string
  variant_id: string
  customer_id: string | null
  locale: string | null
  status: "waiting" | "notified" | "canceled"
  created_at: Date
}

export type NewBackInStockRequest = {
  phone: string
  variant_id: string
  customer_id: string | null
  locale: string | null
  wording: string
  wording_version: string
  ip: string | null
  user_agent: string | null
}

const COLUMNS = ["id", "phone", "variant_id", "customer_id", "locale", "status", "created_at"]

/**
 * The back-in-stock requests: one waiting request per phone and variant (a unique partial index, so two
 * requests racing each other still make one), read per variant in request order by the alert fan-out.
 */
export class BackInStockRequests {
  constructor(private readonly knex: Knex) {}

  /** Records the request, or answers the one already waiting for this phone and variant. */
  async request(input: NewBackInStockRequest): Promise<{ request: BackInStockRequestRow; created: boolean }> {
    const inserted = await this.knex.raw(
      `INSERT INTO ${TABLE} (id, phone, variant_id, customer_id, locale, wording, wording_version, ip, user_agent, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')
       ON CONFLICT (phone, variant_id) WHERE deleted_at IS NULL AND status = 'waiting' DO NOTHING
       RETURNING ${COLUMNS.join(", ")}`,
      [
        generateEntityId(undefined, "smsbis"),
        input.phone,
        input.variant_id,
        input.customer_id,
        input.locale,
        input.wording,
        input.wording_version,
        input.ip,
        input.user_agent,
      ]
    )
    if (inserted.rows.length) return { request: inserted.rows[0], created: true }
    const existing = await this.knex(TABLE)
      .select(COLUMNS)
      .where({ phone: input.phone, variant_id: input.variant_id, status: "waiting" })
      .whereNull("deleted_at")
      .first()
    return { request: existing, created: false }
  }

  /** Variants someone waits for, oldest request first, a page at a time. */
  async waitingVariants(limit: number, afterVariantId: string | null = null): Promise<string[]> {
    const query = this.knex(TABLE).distinct("variant_id").where({ status: "waiting" }).whereNull("deleted_at").orderBy("variant_id").limit(limit)
    if (afterVariantId) query.where("variant_id", ">", afterVariantId)
    return (await query).map((row: { variant_id: string }) => row.variant_id)
  }

  /** The waiting requests of a variant, in request order. */
  async waitingFor(variantId: string, limit: number): Promise<BackInStockRequestRow[]> {
    return this.knex(TABLE)
      .select(COLUMNS)
      .where({ variant_id: variantId, status: "waiting" })
      .whereNull("deleted_at")
      .orderBy([{ column: "created_at", order: "asc" }, { column: "id", order: "asc" }])
      .limit(limit)
  }

  /** Settles a request once: a second settlement of the same request changes nothing. */
  async settle(id: string, status: "notified" | "canceled", messageId: string | null = null): Promise<boolean> {
    const changed = await this.knex(TABLE)
      .where({ id, status: "waiting" })
      .whereNull("deleted_at")
      .update({ status, message_id: messageId, settled_at: this.knex.fn.now(), updated_at: this.knex.fn.now() })
    return changed > 0
  }

  /** Who asked about a variant since `since` (waiting or already told; not a canceled request), for the price-drop text. */
  async askedSince(variantId: string, since: Date): Promise<BackInStockRequestRow[]> {
    return this.knex(TABLE)
      .select(COLUMNS)
      .where({ variant_id: variantId })
      .whereNot({ status: "canceled" })
      .where("created_at", ">=", since)
      .whereNull("deleted_at")
      .orderBy([{ column: "created_at", order: "asc" }, { column: "id", order: "asc" }])
  }
}
