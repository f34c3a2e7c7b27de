import { model } from "@medusajs/framework/utils"

/**
 * The ready text of a Notification Module notification (`content.text`, which Medusa does not store), kept
 * here by the plugin's notification provider under the notification's id until the message is recorded,
 * so that the text never travels through the event bus (Redis). Deleted once the message row holds it.
 */
export const NotificationText = model.define(
  { name: "notification_text", tableName: "sms_rcs_notification_text" },
  {
    id: model.id().primaryKey(),
    text: model.text(),
  }
)
