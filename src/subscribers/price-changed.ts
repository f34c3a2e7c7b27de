import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  ContainerRegistrationKeys,
  PricingEvents,
  ProductEvents,
  ProductVariantWorkflowEvents,
  ProductWorkflowEvents,
} from "@medusajs/framework/utils"
import { checkPriceDrops } from "../workflows/price-drop/check-price-drops"
import { variantsOfPriceEvent, type PriceEventSubject } from "../workflows/price-drop/variants-of-price-event"

/** What each event's `id` names. */
const SUBJECTS: Record<string, PriceEventSubject> = {
  [ProductVariantWorkflowEvents.CREATED]: "variant",
  [ProductVariantWorkflowEvents.UPDATED]: "variant",
  [ProductEvents.PRODUCT_VARIANT_UPDATED]: "variant",
  [ProductWorkflowEvents.CREATED]: "product",
  [ProductWorkflowEvents.UPDATED]: "product",
  [PricingEvents.PRICE_CREATED]: "price",
  [PricingEvents.PRICE_UPDATED]: "price",
  [PricingEvents.PRICE_LIST_CREATED]: "price_list",
  [PricingEvents.PRICE_LIST_UPDATED]: "price_list",
}

/**
 * A price may have changed — a variant saved in the admin with new prices, a product created (its first
 * prices are the baseline), a price list created, edited or given new prices — so the price-drop pass
 * reads those variants' prices now and texts about a drop. A price list that starts or ends on a date
 * emits nothing: the hourly sweep catches it.
 */
export default async function priceChangedHandler({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  try {
    const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => typeof id === "string")
    const variantIds = await variantsOfPriceEvent(container, SUBJECTS[event.name], ids)
    if (variantIds.length) await checkPriceDrops(container, variantIds)
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-plugin-sms-rcs: price drops after ${event.name} not checked: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  // Medusa's own names, so a rename upstream cannot slip by
  event: Object.keys(SUBJECTS),
  context: { subscriberId: "sms-rcs-price-changed" },
}
