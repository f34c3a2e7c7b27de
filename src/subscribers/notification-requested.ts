import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redactPhones } from "../lib/redact-phones"
import { NOTIFICATION_REQUESTED_EVENT } from "../providers/sms/sms-notification-provider"
import { sendNotificationWorkflow } from "../workflows/messages/send-notification"

/**
 * A Notification Module `sms` notification, sent through the plugin's pipeline. The event carries the id
 * only; `text` is read from events an earlier version of the plugin queued.
 */
export default async function notificationRequestedHandler({ event, container }: SubscriberArgs<{ id: string; text?: string }>) {
  try {
    await sendNotificationWorkflow(container).run({ input: { notification_id: event.data.id, text: event.data.text ?? null } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: notification ${event.data.id} not sent: ${redactPhones((error as Error).message)}`)
  }
}

export const config: SubscriberConfig = {
  event: NOTIFICATION_REQUESTED_EVENT,
  context: { subscriberId: "sms-rcs-notification-requested" },
}
