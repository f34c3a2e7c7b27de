import { model } from "@medusajs/framework/utils"

/**
 * The last public price the plugin saw for a variant in a currency (its base price, or an active sale
 * price list's when lower), for the price-drop text. Medusa keeps no history of a price, and its events
 * say only that a variant or a price list changed, so the plugin keeps the price it saw to tell a drop.
 * A drop of at least the threshold is noted on the row (`drop_from`, `dropped_at`) until the texts about
 * it are out (`drop_settled_at`). Nothing personal: one row per variant and currency.
 */
export const VariantPrice = model
  .define(
    { name: "variant_price", tableName: "sms_rcs_variant_price" },
    {
      id: model.id({ prefix: "smsvp" }).primaryKey(),
      variant_id: model.text(),
      currency_code: model.text(),
      amount: model.bigNumber(),
      seen_at: model.dateTime(),
      /** The price before the drop still to announce (the older one, when it dropped twice before the pass). */
      drop_from: model.bigNumber().nullable(),
      dropped_at: model.dateTime().nullable(),
      drop_settled_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["variant_id", "currency_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["dropped_at"], where: "deleted_at IS NULL AND dropped_at IS NOT NULL AND drop_settled_at IS NULL" },
  ])
