import { model } from "@medusajs/framework/utils"

/**
 * When a cart was last touched (created, items added or changed, address set …), kept from the
 * `cart.*` events: adding an item does not change the cart's own `updated_at`. The abandoned-cart job
 * reads this small table instead of scanning every cart.
 */
export const CartActivity = model
  .define(
    { name: "cart_activity", tableName: "sms_rcs_cart_activity" },
    {
      id: model.id({ prefix: "smscart" }).primaryKey(),
      cart_id: model.text(),
      last_activity_at: model.dateTime(),
      /** Set once the reminder was created (or the cart was found not to qualify for good). */
      settled_at: model.dateTime().nullable(),
      settled_reason: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["last_activity_at"], where: "deleted_at IS NULL AND settled_at IS NULL" },
  ])
