import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, InventoryEvents, ProductEvents } from "@medusajs/framework/utils"
import { notifyBackInStock } from "../workflows/back-in-stock/notify-back-in-stock"

/**
 * A stock change (a level created or changed in the admin or by an import, a reservation released when an
 * order is canceled) may bring a variant back: the back-in-stock pass texts whoever asked about it. The
 * events carry only the level's or reservation's id, so the pass reads the stock of the waited-for variants.
 */
export default async function inventoryRestockedHandler({ container }: SubscriberArgs<{ id: string }>) {
  try {
    await notifyBackInStock(container)
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-plugin-sms-rcs: back-in-stock alerts not sent: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  // Medusa's own names (e.g. "inventory.inventory-level.updated"), so a rename upstream cannot slip by
  event: [
    InventoryEvents.INVENTORY_LEVEL_CREATED,
    InventoryEvents.INVENTORY_LEVEL_UPDATED,
    InventoryEvents.RESERVATION_ITEM_DELETED,
    InventoryEvents.RESERVATION_ITEM_UPDATED,
    ProductEvents.PRODUCT_VARIANT_UPDATED,
  ],
  context: { subscriberId: "sms-rcs-inventory-restocked" },
}
