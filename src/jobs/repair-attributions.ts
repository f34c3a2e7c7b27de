import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recomputeAttributions } from "../workflows/attribution/recompute-attributions"

/** How far back each run looks, and how recent an order must not be (its order.placed may still be running). */
const LOOK_BACK_MS = 70 * 60_000
const SETTLE_MS = 5 * 60_000

/**
 * Nothing lost on a crash: every 30 minutes, the orders placed between 70 and 5 minutes ago that have no
 * attribution row are credited again — an order.placed whose attribution failed (a database blip: the
 * subscriber logs it and lets the order go on), or whose row a PostgreSQL crash dropped (attribution
 * commits without waiting for the WAL flush, to keep order.placed fast). The windows overlap, so an order
 * is looked at by two runs; one credited to no message is simply credited to none again.
 */
export default async function repairAttributions(container: MedusaContainer) {
  const now = Date.now()
  const { orders, attributed } = await recomputeAttributions(container, {
    from: new Date(now - LOOK_BACK_MS),
    to: new Date(now - SETTLE_MS),
    onlyMissing: true,
  })
  if (attributed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-plugin-sms-rcs: attribution repair credited ${attributed} of ${orders} order(s) that had no attribution`)
  }
}

export const config = {
  name: "sms-rcs-repair-attributions",
  schedule: "*/30 * * * *",
}
