import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cartRecoveryUrl, CART_MESSAGE_FIELDS, pickCartPhone, type CartForMessage } from "../messages/utils/cart-message"
import { consentAllows } from "../../lib/consent"
import { checkPhone } from "../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { sendCartMessageWorkflow } from "../messages/send-cart-message"
import { recommendedProducts } from "../utils/recommendations"

export type AbandonedCartRun = { checked: number; reminded: number; failed: number; skipped: Record<string, number> }

/**
 * One pass of the abandoned-cart automation: carts idle longer than the delay (1 h) but touched within
 * the limit (48 h), not completed, with items, a phone and marketing consent get one reminder each.
 * Carts that do not qualify are set aside until they change again; a reminded cart is never texted twice.
 */
export async function remindAbandonedCarts(container: MedusaContainer, now: Date = new Date()): Promise<AbandonedCartRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const settings = await messaging.effectiveAutomation("abandoned_cart")
  const run: AbandonedCartRun = { checked: 0, reminded: 0, failed: 0, skipped: {} }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // a cart whose reminder failed stays due for the next run, but this run does not loop on it
  const seen = new Set<string>()
  if (!settings.enabled) {
    return run
  }
  const options = messaging.getOptions()
  // `{{recommendations}}` for a store whose reminder lists them: the order history is read once per run
  const shared = {}
  const idleBefore = new Date(now.getTime() - settings.delay_minutes * 60_000)
  const notBefore = new Date(now.getTime() - (settings.max_age_hours ?? 48) * 3_600_000)

  for (;;) {
    const due = (await messaging.dueCarts(idleBefore, notBefore, 200 + seen.size)).filter((d) => !seen.has(d.cart_id))
    if (!due.length) {
      return run
    }
    due.forEach((d) => seen.add(d.cart_id))
    const seenAt = new Map(due.map((d) => [d.cart_id, new Date(d.last_activity_at)]))
    const { data } = await query.graph({ entity: "cart", fields: CART_MESSAGE_FIELDS, filters: { id: [...seenAt.keys()] } })
    const carts = new Map((data as unknown as CartForMessage[]).map((cart) => [cart.id, cart]))
    const setAside = async (cartId: string, reason: "completed" | "empty" | "no_phone" | "no_consent") => {
      run.skipped[reason] = (run.skipped[reason] ?? 0) + 1
      await messaging.settleCarts([cartId], reason, seenAt)
    }

    for (const { cart_id } of due) {
      run.checked++
      const cart = carts.get(cart_id)
      if (!cart || cart.completed_at) {
        await setAside(cart_id, "completed")
        continue
      }
      if (!cart.items?.length) {
        await setAside(cart_id, "empty")
        continue
      }
      const found = pickCartPhone(cart)
      const phone = checkPhone(found.phone, {
        defaultCountry: found.country_code ?? options.defaultCountry,
        allowedCountries: options.allowedCountries,
      })
      if (!phone.ok) {
        await setAside(cart_id, "no_phone")
        continue
      }
      // Checked here too (the worker checks again before sending): a cart without consent stays
      // eligible if the shopper opts in later, instead of using up its one reminder.
      if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(phone.e164)).allowed) {
        await setAside(cart_id, "no_consent")
        continue
      }
      try {
        const recommendations = await recommendedProducts(container, cart.items.map((i) => i.product_id), options, shared).catch(() => [])
        await sendCartMessageWorkflow(container).run({
          input: {
            cart_id,
            template_key: settings.template_key,
            idempotency_key: `abandoned_cart:${cart_id}`,
            purpose: "marketing",
            recovery_url: cartRecoveryUrl(cart_id, options),
            variables: { recommendations },
            metadata: { automation: "abandoned_cart", ...(settings.offer ? { offer: settings.offer } : {}) },
          },
        })
      } catch (error) {
        run.failed++
        logger.error(`medusa-plugin-sms-rcs: abandoned-cart reminder for ${cart_id} not sent: ${(error as Error).message}`)
        continue
      }
      await messaging.settleCarts([cart_id], "reminded")
      run.reminded++
    }
  }
}
