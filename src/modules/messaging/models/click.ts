import { model } from "@medusajs/framework/utils"

/** One tap on a tracked link or an RCS suggestion; bots are kept but flagged. */
export const Click = model
  .define(
    { name: "click", tableName: "sms_rcs_click" },
    {
      id: model.id({ prefix: "smsclk" }).primaryKey(),
      tracked_link_id: model.text().nullable(),
      message_id: model.text().nullable(),
      kind: model.enum(["link", "suggestion"]).default("link"),
      ip_hash: model.text().nullable(),
      user_agent: model.text().nullable(),
      is_bot: model.boolean().default(false),
      occurred_at: model.dateTime(),
    }
  )
  .indexes([{ on: ["message_id", "occurred_at"] }, { on: ["tracked_link_id"] }])
