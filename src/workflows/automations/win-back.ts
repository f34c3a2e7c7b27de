import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { consentAllows } from "../../lib/consent"
import { buildOrderMessageInput, ORDER_MESSAGE_FIELDS, pickOrderPhone, type OrderForMessage } from "../messages/utils/order-message"
import { checkPhone } from "../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { sendMessageWorkflow } from "../messages/send-message"

const DAY_MS = 86_400_000
/** Orders that lapsed up to a week ago are still caught, so a missed daily run loses nobody. */
const CATCH_UP_DAYS = 7
const PAGE = 500

export type WinBackRun = { lapsed: number; sent: number; failed: number; skipped: Record<string, number> }

type LapsedOrder = OrderForMessage & { created_at: string | Date }

/**
 * One pass of the win-back automation: customers whose last order is `period_days` (90) old get one
 * text per lapse (the key is the customer and that last order, so a new order starts a new period).
 * Only phones with marketing consent are texted.
 */
export async function sendWinBackMessages(container: MedusaContainer, now: Date = new Date()): Promise<WinBackRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await messaging.effectiveAutomation("win_back")
  const run: WinBackRun = { lapsed: 0, sent: 0, failed: 0, skipped: {} }
  if (!settings.enabled) {
    return run
  }
  const options = messaging.getOptions()
  const periodDays = settings.period_days ?? 90
  const lapsedBefore = new Date(now.getTime() - periodDays * DAY_MS)
  const windowStart = new Date(lapsedBefore.getTime() - CATCH_UP_DAYS * DAY_MS)

  // the newest order of each customer among the orders that turned `periodDays` old lately
  const latest = new Map<string, LapsedOrder>()
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: [...ORDER_MESSAGE_FIELDS, "created_at"],
      filters: { created_at: { $gte: windowStart, $lt: lapsedBefore } },
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    for (const order of data as unknown as LapsedOrder[]) {
      if (order.customer_id) latest.set(order.customer_id, order)
    }
    if (data.length < PAGE) break
  }
  if (!latest.size) {
    return run
  }
  // …less the customers who ordered again since
  const { data: recent } = await query.graph({
    entity: "order",
    fields: ["customer_id"],
    filters: { customer_id: [...latest.keys()], created_at: { $gte: lapsedBefore } },
  })
  recent.forEach((order: any) => latest.delete(order.customer_id))

  const skip = (reason: string) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1)
  for (const [customerId, order] of latest) {
    run.lapsed++
    const found = pickOrderPhone(order)
    const phone = checkPhone(found.phone, {
      defaultCountry: found.country_code ?? options.defaultCountry,
      allowedCountries: options.allowedCountries,
    })
    if (!phone.ok) {
      skip("no_phone")
      continue
    }
    if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(phone.e164)).allowed) {
      skip("no_consent")
      continue
    }
    const input = buildOrderMessageInput(order, {
      template_key: settings.template_key,
      idempotency_key: `win_back:${customerId}:${order.id}`,
      // about the customer, not the order: the last order's "don't notify" does not silence it
      about_order: false,
      metadata: { automation: "win_back", last_order_id: order.id, ...(settings.offer ? { offer: settings.offer } : {}) },
      variables: { days_since_last_order: Math.floor((now.getTime() - new Date(order.created_at).getTime()) / DAY_MS) },
    })
    try {
      const { result } = await sendMessageWorkflow(container).run({
        input: { ...input, purpose: "marketing", order_id: null },
      })
      if (result.created) run.sent++
    } catch (error) {
      run.failed++
      logger.error(`medusa-plugin-sms-rcs: win-back text for ${customerId} not sent: ${(error as Error).message}`)
    }
  }
  return run
}
