import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendWinBackMessages } from "../workflows/automations/win-back"

/** Daily at 10:00 server time: win-back texts (quiet hours still apply per recipient). */
export default async function sendWinBackMessagesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await sendWinBackMessages(container)
    if (run.sent) {
      logger.info(`medusa-plugin-sms-rcs: win-back texts queued for ${run.sent} of ${run.lapsed} lapsed customer(s)`)
    }
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: win-back job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-send-win-back-messages",
  schedule: "0 10 * * *",
}
