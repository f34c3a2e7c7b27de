import { model } from "@medusajs/framework/utils"

/** The message and touch an order is credited to, with the model and windows used to decide it. */
export const Attribution = model
  .define(
    { name: "attribution", tableName: "sms_rcs_attribution" },
    {
      id: model.id({ prefix: "smsattr" }).primaryKey(),
      order_id: model.text(),
      message_id: model.text(),
      campaign_id: model.text().nullable(),
      template_key: model.text().nullable(),
      automation: model.text().nullable(),
      channel: model.enum(["sms", "rcs"]),
      touch_type: model.enum(["delivered", "read", "click", "suggestion", "reply", "discount_code"]),
      touch_at: model.dateTime(),
      order_total: model.bigNumber(),
      currency_code: model.text(),
      /** What the message cost, copied so reports need no join to add revenue and cost up. */
      message_cost: model.float().nullable(),
      model: model.text(),
      windows: model.json(),
    }
  )
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["message_id"] },
    { on: ["campaign_id"] },
  ])
