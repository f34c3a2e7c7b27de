import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notifyBackInStock } from "../workflows/back-in-stock/notify-back-in-stock"

/** Every 15 minutes: catches a stock change that emitted no event, and requests a pass left for later. */
export default async function notifyBackInStockJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await notifyBackInStock(container)
    if (run.notified) logger.info(`medusa-plugin-sms-rcs: back-in-stock alerts sent to ${run.notified} shopper(s)`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: back-in-stock job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-notify-back-in-stock",
  schedule: "*/15 * * * *",
}
