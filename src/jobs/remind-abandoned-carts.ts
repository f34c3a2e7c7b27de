import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { remindAbandonedCarts } from "../workflows/automations/abandoned-carts"

/** Every five minutes: one reminder per abandoned cart (see `remindAbandonedCarts`). */
export default async function remindAbandonedCartsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await remindAbandonedCarts(container)
    if (run.reminded) {
      logger.info(`medusa-plugin-sms-rcs: abandoned-cart reminders sent to ${run.reminded} of ${run.checked} idle cart(s)`)
    }
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: abandoned-cart job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-remind-abandoned-carts",
  schedule: "*/5 * * * *",
}
