import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { notifyPriceDrops, type PriceDropRun } from "./notify-price-drops"
import { seeVariantPrices, type PricesSeen } from "./see-variant-prices"

export type PriceDropCheck = { prices: PricesSeen } & PriceDropRun

/**
 * The price-drop automation: read the prices of the variants (those an event named, or the whole catalog),
 * note the drops, then text about the drops noted. Prices are read even while the automation is off, so
 * switching it on does not take a price seen weeks ago for the one before today's.
 */
export async function checkPriceDrops(container: MedusaContainer, variantIds: string[] | null): Promise<PriceDropCheck> {
  const prices = await seeVariantPrices(container, variantIds)
  const settings = await container.resolve<MessagingModuleService>(MESSAGING_MODULE).effectiveAutomation("price_drop")
  const run = await notifyPriceDrops(container)
  return { prices, ...run, ...(settings.enabled ? {} : { disabled: true }) }
}
