import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AutomationKey, EffectiveAutomation } from "../../lib/automations"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"

/**
 * What every automation subscriber does around its workflow: nothing when the store switched the
 * automation off (read per event, so the admin's switch applies at once); the automation's settings
 * handed to the workflow; a failure logged with the event, never thrown back into Medusa's event bus.
 */
export async function runAutomation(
  container: MedusaContainer,
  automation: AutomationKey,
  what: string,
  send: (settings: EffectiveAutomation) => Promise<unknown>
): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const settings = await messaging.effectiveAutomation(automation)
    if (!settings.enabled) {
      return
    }
    await send(settings)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: ${what} not sent: ${(error as Error).message}`)
  }
}

/**
 * What an automation adds to its message: its delay, its key for the admin and analytics, and the offer
 * its `{{offer_code}}` copies (the code itself is created only when the message is about to be sent).
 */
export function automationMessageInput(settings: EffectiveAutomation) {
  return {
    delay_minutes: settings.delay_minutes,
    metadata: { automation: settings.key, ...(settings.offer ? { offer: settings.offer } : {}) },
  }
}
