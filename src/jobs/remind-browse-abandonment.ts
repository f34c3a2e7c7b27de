import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { remindBrowseAbandonment } from "../workflows/browse/remind-browse-abandonment"

/** Every 15 minutes: one text per product viewed and left (see `remindBrowseAbandonment`). */
export default async function remindBrowseAbandonmentJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await remindBrowseAbandonment(container)
    if (run.sent) logger.info(`medusa-plugin-sms-rcs: browse-abandonment texts sent to ${run.sent} of ${run.checked} shopper view(s)`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: browse-abandonment job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-remind-browse-abandonment",
  schedule: "*/15 * * * *",
}
