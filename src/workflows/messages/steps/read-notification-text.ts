import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/**
 * The ready text the notification provider kept for a notification (in PostgreSQL, never on the event bus),
 * or `fallback`: an event queued by an earlier version of the plugin still carries its text.
 */
export const readNotificationTextStep = createStep(
  "sms-rcs-read-notification-text",
  async (input: { notification_id: string; fallback?: string | null }, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const text = await messaging.notificationText(input.notification_id)
    return new StepResponse(text ?? input.fallback ?? null)
  }
)
