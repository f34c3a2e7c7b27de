import { model } from "@medusajs/framework/utils"

/** A short link `/r/{code}` standing for a URL in one message. */
export const TrackedLink = model
  .define(
    { name: "tracked_link", tableName: "sms_rcs_tracked_link" },
    {
      id: model.id({ prefix: "smslnk" }).primaryKey(),
      code: model.text().unique(),
      target_url: model.text(),
      message_id: model.text().nullable(),
      campaign_id: model.text().nullable(),
      channel: model.enum(["sms", "rcs"]).default("sms"),
      expires_at: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["message_id"] }])
