import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { consentAllows } from "../../lib/consent"
import { checkPhone } from "../../lib/phone"
import { reviewPageUrl } from "../../lib/review-url"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { sendMessageWorkflow } from "../messages/send-message"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, type OrderForMessage } from "../messages/utils/order-message"
import { recommendedProducts } from "../utils/recommendations"

const DAY_MS = 86_400_000
/** Deliveries that came due up to a week ago are still caught, so a missed run (or a day down) loses nobody. */
const CATCH_UP_DAYS = 7
const PAGE = 200

export type ReviewRequestRun = { due: number; sent: number; failed: number; skipped: Record<string, number> }

type DeliveredFulfillment = { id: string; delivered_at: string | Date; canceled_at?: string | Date | null; order?: { id: string } | null }
type ReviewedOrder = OrderForMessage & { status?: string | null }

/**
 * One pass of the review-request automation: each order whose fulfillment was delivered `period_days` (7)
 * ago gets one text (the key is the order: several deliveries, or running twice, text it once) asking for
 * a review, with products bought with theirs (`{{recommendations}}`). Marketing: only phones with marketing
 * consent; quiet hours and caps apply at sending like every marketing text. `now` lets tests and the run
 * route look from another time.
 */
export async function sendReviewRequests(container: MedusaContainer, now: Date = new Date()): Promise<ReviewRequestRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await messaging.effectiveAutomation("review_request")
  const run: ReviewRequestRun = { due: 0, sent: 0, failed: 0, skipped: {} }
  if (!settings.enabled) return run
  const options = messaging.getOptions()
  const dueBefore = new Date(now.getTime() - (settings.period_days ?? 7) * DAY_MS)
  const windowStart = new Date(dueBefore.getTime() - CATCH_UP_DAYS * DAY_MS)
  const skip = (reason: string) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1)
  // the order history is read once for the whole run
  const shared = {}

  // the orders of the deliveries that came due, each once (an order delivered in two parcels is one text)
  const orderIds = new Set<string>()
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: ["id", "delivered_at", "canceled_at", "order.id"],
      filters: { delivered_at: { $gte: windowStart, $lt: dueBefore } },
      pagination: { skip: offset, take: PAGE, order: { delivered_at: "ASC" } },
    })
    for (const f of data as unknown as DeliveredFulfillment[]) {
      if (f.order?.id && !f.canceled_at) orderIds.add(f.order.id)
    }
    if (data.length < PAGE) break
  }

  const ids = [...orderIds]
  for (let at = 0; at < ids.length; at += PAGE) {
    const page = ids.slice(at, at + PAGE)
    // already asked (an earlier run): not read again, not ranked again
    const asked = new Set(
      (await messaging.listMessages({ idempotency_key: page.map((id) => `review_request:${id}`) }, { select: ["idempotency_key"] })).map(
        (m: { idempotency_key: string }) => m.idempotency_key
      )
    )
    const todo = page.filter((id) => !asked.has(`review_request:${id}`))
    if (!todo.length) continue
    const { data } = await query.graph({ entity: "order", fields: [...ORDER_MESSAGE_FIELDS, "status"], filters: { id: todo } })
    for (const order of data as unknown as ReviewedOrder[]) {
      run.due++
      if (order.status === "canceled") {
        skip("canceled")
        continue
      }
      const found = buildOrderMessageInput(order, { template_key: settings.template_key, idempotency_key: "" })
      const phone = checkPhone(found.phone, {
        defaultCountry: found.country_code ?? options.defaultCountry,
        allowedCountries: options.allowedCountries,
      })
      if (!phone.ok) {
        skip("no_phone")
        continue
      }
      // checked here too (the worker checks again when sending): without consent today, the order stays
      // due for the catch-up week, should the shopper opt in
      if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(phone.e164)).allowed) {
        skip("no_consent")
        continue
      }
      try {
        const items = order.items ?? []
        const recommendations = await recommendedProducts(container, items.map((i) => i.product_id), options, shared).catch((error) => {
          // a text without suggestions is better than none
          logger.warn(`medusa-plugin-sms-rcs: no recommendations for order ${order.id}: ${(error as Error).message}`)
          return []
        })
        const input = buildOrderMessageInput(order, {
          template_key: settings.template_key,
          idempotency_key: `review_request:${order.id}`,
          delay_minutes: settings.delay_minutes,
          metadata: { automation: "review_request", recommended: recommendations.length },
          variables: {
            review_url: reviewPageUrl({ id: order.id, handle: items.find((i) => i.product_handle)?.product_handle }, options),
            recommendations,
          },
        })
        const { result } = await sendMessageWorkflow(container).run({ input: { ...input, purpose: "marketing" } })
        if (result.created) run.sent++
      } catch (error) {
        run.failed++
        logger.error(`medusa-plugin-sms-rcs: review request for order ${order.id} not sent: ${(error as Error).message}`)
      }
    }
  }
  return run
}
