import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PluginOptions } from "../lib/options"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"

/**
 * What every automation subscriber does around its workflow: nothing when the store switched the
 * automation off; a failure logged with the event, never thrown back into Medusa's event bus.
 */
export async function runAutomation(
  container: MedusaContainer,
  automation: keyof PluginOptions["automations"],
  what: string,
  send: () => Promise<unknown>
): Promise<void> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  if (!messaging.getOptions().automations[automation].enabled) {
    return
  }
  try {
    await send()
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-plugin-sms-rcs: ${what} not sent: ${(error as Error).message}`)
  }
}
