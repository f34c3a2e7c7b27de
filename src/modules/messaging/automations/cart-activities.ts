import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

const TABLE = "sms_rcs_cart_activity"
/** Settlements a later change to the cart does not undo. */
const FINAL = "('reminded', 'completed')"

/**
 * Why a cart left the abandoned-cart job's list. "reminded" and "completed" are final (one reminder per
 * cart, none after the order); the others last until the cart changes again.
 */
export type CartSettlement = "reminded" | "completed" | "empty" | "no_phone" | "no_consent" | "disabled"

/**
 * When each cart was last touched, and whether the abandoned-cart job is done with it. Single SQL
 * statements, so two processes handling events of one cart cannot lose an update.
 */
export class CartActivities {
  constructor(private readonly knex: Knex) {}

  /** Restarts the cart's idle clock; a cart already reminded stays settled (one reminder per cart). */
  async touch(cartId: string, at: Date = new Date()): Promise<void> {
    await this.knex.raw(
      `INSERT INTO ${TABLE} (id, cart_id, last_activity_at) VALUES (?, ?, ?)
       ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE
         SET last_activity_at = greatest(${TABLE}.last_activity_at, excluded.last_activity_at),
             settled_at = CASE WHEN ${TABLE}.settled_reason IN ${FINAL} THEN ${TABLE}.settled_at END,
             settled_reason = CASE WHEN ${TABLE}.settled_reason IN ${FINAL} THEN ${TABLE}.settled_reason END,
             updated_at = now()`,
      [generateEntityId(undefined, "smscart"), cartId, at]
    )
  }

  /** Carts idle since before `idleBefore` but touched after `notBefore`, not settled, oldest first. */
  async due(idleBefore: Date, notBefore: Date, limit: number): Promise<{ cart_id: string; last_activity_at: Date }[]> {
    return this.knex(TABLE)
      .select("cart_id", "last_activity_at")
      .whereNull("deleted_at")
      .whereNull("settled_at")
      .where("last_activity_at", "<", idleBefore)
      .where("last_activity_at", ">=", notBefore)
      .orderBy("last_activity_at", "asc")
      .limit(limit)
  }

  /** Takes the carts out of the job's list, unless they were touched since `seenAt` (then they wait again). */
  async settle(cartIds: string[], reason: CartSettlement, seenAt: Map<string, Date>): Promise<void> {
    for (const cartId of cartIds) {
      const query = this.knex(TABLE)
        .where({ cart_id: cartId })
        .whereNull("deleted_at")
        .whereNull("settled_at")
        .update({ settled_at: this.knex.fn.now(), settled_reason: reason, updated_at: this.knex.fn.now() })
      const seen = seenAt.get(cartId)
      // a final reason holds whatever happened since; the others only for the cart as we saw it
      await (reason === "reminded" || reason === "completed" || !seen ? query : query.where("last_activity_at", "<=", seen))
    }
  }
}
