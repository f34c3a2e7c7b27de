import { model } from "@medusajs/framework/utils"

/**
 * A shopper's request to be told when a variant is back in stock. The request is its own consent for that
 * one alert, so it keeps the proof a consent event keeps: the wording shown and its version, the locale,
 * the address and user agent. One waiting request per phone and variant; once the alert is sent (or the
 * number stopped texts) the request is settled and a new one may be made for the next restock.
 */
export const BackInStockRequest = model
  .define(
    { name: "back_in_stock_request", tableName: "sms_rcs_back_in_stock_request" },
    {
      id: model.id({ prefix: "smsbis" }).primaryKey(),
      phone: model.text(),
      variant_id: model.text(),
      customer_id: model.text().nullable(),
      locale: model.text().nullable(),
      wording: model.text(),
      wording_version: model.text(),
      ip: model.text().nullable(),
      user_agent: model.text().nullable(),
      /** waiting, then notified (the alert was created) or canceled (the number opted out since). */
      status: model.enum(["waiting", "notified", "canceled"]).default("waiting"),
      settled_at: model.dateTime().nullable(),
      message_id: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["phone", "variant_id"], unique: true, where: "deleted_at IS NULL AND status = 'waiting'" },
    { on: ["variant_id", "created_at"], where: "deleted_at IS NULL AND status = 'waiting'" },
  ])
