import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { isPriceDrop } from "../../../lib/price-drop"

const TABLE = "sms_rcs_variant_price"

/** A drop still to announce: the variant, its currency, the price before and the price now. */
export type PendingDrop = { id: string; variant_id: string; currency_code: string; drop_from: number; amount: number; dropped_at: Date }

export type PriceSeen = "first_seen" | "unchanged" | "raised" | "small_drop" | "dropped"

const raw = (amount: number) => JSON.stringify({ value: String(amount), precision: 20 })

/**
 * The last public price seen per variant and currency. Each change is one compare-and-set statement on the
 * price read before, so two passes seeing the same change (the variant event and the price event of one
 * admin save) note one drop, not two.
 */
export class VariantPrices {
  constructor(private readonly knex: Knex) {}

  /**
   * Records the price seen now and says what it was: the first sight (a baseline, no text), unchanged,
   * raised, lowered by less than `minDropPercent`, or dropped — then the drop is noted until settled
   * (a second drop before the texts went out keeps the older price, so the text tells the whole drop).
   */
  async see(variantId: string, currencyCode: string, amount: number, minDropPercent: number): Promise<PriceSeen> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.knex(TABLE)
        .select("amount", "drop_from", "drop_settled_at", "dropped_at")
        .where({ variant_id: variantId, currency_code: currencyCode })
        .whereNull("deleted_at")
        .first()
      if (!row) {
        const inserted = await this.knex.raw(
          `INSERT INTO ${TABLE} (id, variant_id, currency_code, amount, raw_amount, seen_at) VALUES (?, ?, ?, ?, ?, now())
           ON CONFLICT (variant_id, currency_code) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
          [generateEntityId(undefined, "smsvp"), variantId, currencyCode, amount, raw(amount)]
        )
        if (inserted.rows.length) return "first_seen"
        continue
      }
      const before = Number(row.amount)
      if (before === amount) return "unchanged"
      const dropped = isPriceDrop(before, amount, minDropPercent)
      const pending = row.dropped_at && !row.drop_settled_at
      const update: Record<string, unknown> = { amount, raw_amount: raw(amount), seen_at: this.knex.fn.now(), updated_at: this.knex.fn.now() }
      if (dropped) {
        const from = pending ? Math.max(Number(row.drop_from), before) : before
        Object.assign(update, { drop_from: from, raw_drop_from: raw(from), dropped_at: this.knex.fn.now(), drop_settled_at: null })
      } else if (pending && amount >= Number(row.drop_from)) {
        // the price went back up before the texts left: nothing to announce any more
        Object.assign(update, { drop_settled_at: this.knex.fn.now() })
      }
      const changed = await this.knex(TABLE)
        .where({ variant_id: variantId, currency_code: currencyCode, amount: row.amount })
        .whereNull("deleted_at")
        .update(update)
      if (changed) return dropped ? "dropped" : amount > before ? "raised" : "small_drop"
    }
    return "unchanged"
  }

  /** The drops not yet announced, oldest first. */
  async pending(limit: number): Promise<PendingDrop[]> {
    const rows = await this.knex(TABLE)
      .select("id", "variant_id", "currency_code", "drop_from", "amount", "dropped_at")
      .whereNull("deleted_at")
      .whereNotNull("dropped_at")
      .whereNull("drop_settled_at")
      .orderBy([{ column: "dropped_at", order: "asc" }, { column: "id", order: "asc" }])
      .limit(limit)
    return rows.map((row: any) => ({ ...row, drop_from: Number(row.drop_from), amount: Number(row.amount) }))
  }

  /** The drop was announced (or there is nobody to tell): settled unless it dropped again since `droppedAt`. */
  async settle(id: string, droppedAt: Date): Promise<void> {
    await this.knex(TABLE)
      .where({ id })
      .whereNull("drop_settled_at")
      .whereRaw("date_trunc('milliseconds', dropped_at) <= ?", [droppedAt])
      .update({ drop_settled_at: this.knex.fn.now(), updated_at: this.knex.fn.now() })
  }
}
