import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendReviewRequests } from "../workflows/automations/review-requests"

/** Hourly: review requests for orders delivered `period_days` ago (quiet hours still apply per recipient). */
export default async function sendReviewRequestsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const run = await sendReviewRequests(container)
    if (run.sent) logger.info(`medusa-plugin-sms-rcs: review requests queued for ${run.sent} of ${run.due} delivered order(s)`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: review-request job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-send-review-requests",
  schedule: "20 * * * *",
}
