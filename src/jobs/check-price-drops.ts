import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPriceDrops } from "../workflows/price-drop/check-price-drops"

/**
 * Every hour, the whole catalog: a price list that starts or ends on its date emits no event, an import
 * may write prices without one, and a store that installs the plugin gets its first prices (the baseline).
 */
export default async function checkPriceDropsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await checkPriceDrops(container, null)
    if (run.sent) logger.info(`medusa-plugin-sms-rcs: price-drop texts sent to ${run.sent} shopper(s) about ${run.drops} drop(s)`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: price-drop job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-check-price-drops",
  schedule: "7 * * * *",
}
