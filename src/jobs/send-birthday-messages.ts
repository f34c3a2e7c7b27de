import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendBirthdayMessages } from "../workflows/automations/birthdays"

/** Hourly: each zone's birthdays from their morning (`birthday.hour`), once a year per customer. */
export default async function sendBirthdayMessagesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await sendBirthdayMessages(container)
    if (run.sent) logger.info(`medusa-plugin-sms-rcs: birthday texts queued for ${run.sent} customer(s)`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: birthday job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-send-birthday-messages",
  schedule: "5 * * * *",
}
