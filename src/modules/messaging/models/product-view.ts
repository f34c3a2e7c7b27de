import { model } from "@medusajs/framework/utils"

/**
 * A known shopper's latest view of a product (the storefront reports it), for the browse-abandonment text.
 * One open row per phone and product: a new view moves its time forward. Settled once the text was sent
 * or the view no longer qualifies (the product was carted or bought, the shopper was texted lately).
 */
export const ProductView = model
  .define(
    { name: "product_view", tableName: "sms_rcs_product_view" },
    {
      id: model.id({ prefix: "smsview" }).primaryKey(),
      phone: model.text(),
      country_code: model.text().nullable(),
      product_id: model.text(),
      customer_id: model.text().nullable(),
      /** The cart the phone was read from, for a shopper without an account. */
      cart_id: model.text().nullable(),
      locale: model.text().nullable(),
      viewed_at: model.dateTime(),
      settled_at: model.dateTime().nullable(),
      settled_reason: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["phone", "product_id"], unique: true, where: "deleted_at IS NULL AND settled_at IS NULL" },
    { on: ["viewed_at"], where: "deleted_at IS NULL AND settled_at IS NULL" },
  ])
