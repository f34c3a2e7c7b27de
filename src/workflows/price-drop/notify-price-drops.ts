import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { productPageUrl } from "../../lib/back-in-stock"
import { consentAllows } from "../../lib/consent"
import { checkPhone } from "../../lib/phone"
import { PRICE_DROP_TEXT_EVERY_DAYS } from "../../lib/price-drop"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import type { PendingDrop } from "../../modules/messaging/price-drop/variant-prices"
import { sendMessageWorkflow } from "../messages/send-message"
import { CART_MESSAGE_FIELDS, pickCartPhone, type CartForMessage } from "../messages/utils/cart-message"

const DAY_MS = 86_400_000
/** Drops handled per pass, and carts read per drop: a bigger drop carries on in the next pass. */
const DROPS_PER_PASS = 50
const LINE_ITEMS_PER_DROP = 2_000

export type PriceDropRun = { drops: number; sent: number; failed: number; skipped: Record<string, number> }

/** Someone to tell: a phone, from the cart they put the variant in or from their back-in-stock request. */
type Recipient = { phone: string; country_code: string | null; customer_id: string | null; cart_id: string | null; locale: string | null }

type VariantForText = { id: string; title?: string | null; product?: { title?: string | null; handle?: string | null; status?: string | null } | null }

/**
 * One pass of the price-drop automation over the drops noted by `seeVariantPrices`: each phone that put
 * the variant in a cart (in the drop's currency, a cart not bought) or asked for it when sold out, within
 * the automation's `period_days` (30), gets one text with the old and new price and the product's link —
 * with marketing consent (a back-in-stock request is consent for that one alert only), and at most one
 * price-drop text per phone per week, whichever variant. The key of each text is the phone, the variant
 * and the new price, so a pass run twice (or two passes racing) texts nobody twice for the same price. A
 * drop is settled once its pass went through; a text that could not be created keeps it for the next pass.
 */
export async function notifyPriceDrops(container: MedusaContainer, now: Date = new Date()): Promise<PriceDropRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await messaging.effectiveAutomation("price_drop")
  const run: PriceDropRun = { drops: 0, sent: 0, failed: 0, skipped: {} }
  const drops = await messaging.variantPrices.pending(DROPS_PER_PASS)
  if (!settings.enabled) {
    // switched off: the drops seen meanwhile are not kept to be texted when it is switched on again, days later
    for (const drop of drops) await messaging.variantPrices.settle(drop.id, new Date(drop.dropped_at))
    return run
  }
  const skip = (reason: string) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1)
  const since = new Date(now.getTime() - (settings.period_days ?? 30) * DAY_MS)
  const options = messaging.getOptions()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const defaultCurrency = await storeCurrency(query)
  // phones texted in this pass: one text per phone, even when several of its variants dropped at once
  const texted = new Set<string>()

  for (const drop of drops) {
    run.drops++
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "title", "product.title", "product.handle", "product.status"], filters: { id: drop.variant_id } })
    const variant = data[0] as unknown as VariantForText | undefined
    if (!variant || variant.product?.status !== "published") {
      skip("not_published")
      await messaging.variantPrices.settle(drop.id, new Date(drop.dropped_at))
      continue
    }
    let failed = false
    for (const recipient of await recipientsOf(container, drop, since, defaultCurrency, options)) {
      if (texted.has(recipient.phone)) {
        skip("recently_texted")
        continue
      }
      if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(recipient.phone)).allowed) {
        skip("no_consent")
        continue
      }
      const last = await messaging.productViews.lastTextedAt(recipient.phone, ["price_drop"])
      if (last && last.getTime() > now.getTime() - PRICE_DROP_TEXT_EVERY_DAYS * DAY_MS) {
        skip("recently_texted")
        continue
      }
      try {
        await sendMessageWorkflow(container).run({
          input: {
            template_key: settings.template_key,
            // the phone, not the customer: a guest has no customer id, and the erase rewrites the phone in the key
            idempotency_key: `price_drop:${recipient.phone}:${drop.variant_id}:${drop.currency_code}:${drop.amount}`,
            phone: recipient.phone,
            country_code: recipient.country_code,
            locale: recipient.locale,
            customer_id: recipient.customer_id,
            cart_id: recipient.cart_id,
            purpose: "marketing",
            delay_minutes: settings.delay_minutes,
            variables: {
              product_title: variant.product?.title ?? "",
              variant_title: variant.title && variant.title !== "Default variant" ? variant.title : "",
              old_price: { amount: drop.drop_from, currency_code: drop.currency_code },
              new_price: { amount: drop.amount, currency_code: drop.currency_code },
              product_url: productPageUrl(variant.product?.handle, options),
            },
            metadata: { automation: "price_drop", variant_id: drop.variant_id, currency_code: drop.currency_code, old_amount: drop.drop_from, new_amount: drop.amount },
          },
        })
        texted.add(recipient.phone)
        run.sent++
      } catch (error) {
        failed = true
        run.failed++
        logger.error(`medusa-plugin-sms-rcs: price-drop text for variant ${drop.variant_id} not sent: ${(error as Error).message}`)
      }
    }
    if (!failed) await messaging.variantPrices.settle(drop.id, new Date(drop.dropped_at))
  }
  return run
}

/**
 * The phones to tell about a drop, once each: carts holding the variant, put there since `since`, in the
 * drop's currency and not bought (a shopper who bought it is not told it is cheaper now); then the
 * back-in-stock requests for it since `since` (told in the store's default currency only: a request has
 * none of its own).
 */
async function recipientsOf(
  container: MedusaContainer,
  drop: PendingDrop,
  since: Date,
  defaultCurrency: string | null,
  options: ReturnType<MessagingModuleService["getOptions"]>
): Promise<Recipient[]> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cartModule = container.resolve(Modules.CART)
  const out = new Map<string, Recipient>()

  const items = await cartModule.listLineItems(
    // created_at is a column of every line item, though the filter type does not list it
    { variant_id: drop.variant_id, created_at: { $gte: since } } as Parameters<typeof cartModule.listLineItems>[0],
    { select: ["id", "cart_id"], take: LINE_ITEMS_PER_DROP, order: { created_at: "ASC" } }
  )
  const cartIds = [...new Set(items.map((item) => item.cart_id).filter(Boolean))]
  if (cartIds.length) {
    const { data } = await query.graph({ entity: "cart", fields: CART_MESSAGE_FIELDS, filters: { id: cartIds } })
    for (const cart of data as unknown as CartForMessage[]) {
      if (cart.completed_at || cart.currency_code?.toLowerCase() !== drop.currency_code) continue
      const found = pickCartPhone(cart)
      const phone = checkPhone(found.phone, { defaultCountry: found.country_code ?? options.defaultCountry, allowedCountries: options.allowedCountries })
      if (!phone.ok || out.has(phone.e164)) continue
      out.set(phone.e164, { phone: phone.e164, country_code: found.country_code ?? null, customer_id: cart.customer_id ?? null, cart_id: cart.id, locale: cart.locale ?? null })
    }
  }
  if (defaultCurrency === drop.currency_code) {
    for (const request of await messaging.backInStock.askedSince(drop.variant_id, since)) {
      if (out.has(request.phone)) continue
      out.set(request.phone, { phone: request.phone, country_code: null, customer_id: request.customer_id, cart_id: null, locale: request.locale })
    }
  }
  return [...out.values()]
}

/** The store's default currency (lower case), if it has one. */
async function storeCurrency(query: any): Promise<string | null> {
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currencies = (data[0]?.supported_currencies ?? []) as { currency_code: string; is_default?: boolean }[]
  return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code?.toLowerCase() ?? null
}
