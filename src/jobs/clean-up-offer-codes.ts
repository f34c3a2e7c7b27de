import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cleanUpOfferCodes } from "../workflows/offers/clean-up-offer-codes"

/** Every hour: the promotions of expired offer codes nobody used are deleted (README, "Offer codes"). */
export default async function cleanUpOfferCodesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { removed } = await cleanUpOfferCodes(container)
    if (removed) logger.info(`medusa-plugin-sms-rcs: ${removed} expired offer code(s) cleaned up`)
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: offer code cleanup failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-clean-up-offer-codes",
  schedule: "17 * * * *",
}
