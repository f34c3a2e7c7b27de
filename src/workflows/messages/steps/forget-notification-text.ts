import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/** Once the message row holds the text, the notification's kept copy goes (one copy of a person's text). */
export const forgetNotificationTextStep = createStep(
  "sms-rcs-forget-notification-text",
  async (input: { notification_id: string }, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    await messaging.forgetNotificationText(input.notification_id)
    return new StepResponse(undefined)
  }
)
