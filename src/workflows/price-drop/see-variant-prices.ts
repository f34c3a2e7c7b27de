import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEFAULT_MIN_DROP_PERCENT } from "../../lib/price-drop"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import type { PriceSeen } from "../../modules/messaging/price-drop/variant-prices"

/** Variants read per page. */
const PAGE = 100

export type PricesSeen = { variants: number } & Partial<Record<PriceSeen, number>>

type VariantPriceSet = { id: string; price_set?: { id: string; prices?: { currency_code?: string | null }[] | null } | null }

/** The threshold in force: the `automations.price_drop.minDropPercent` option, 10 % by default. */
export function minDropPercentOf(messaging: MessagingModuleService): number {
  return messaging.getOptions().automations?.price_drop?.minDropPercent ?? DEFAULT_MIN_DROP_PERCENT
}

/**
 * Reads the public price of each variant in each of its currencies — what a shopper without a customer
 * group pays: the base price, or an active sale price list's when it applies (Medusa's own price
 * calculation, with only the currency as context, so a region's or a group's price is not taken for the
 * public one) — and records it against the last one seen. A drop of at least the threshold is noted on
 * the price row for the notify pass; the first sight of a price is a baseline only. `variantIds` null:
 * every variant of the catalog (the hourly sweep).
 */
export async function seeVariantPrices(container: MedusaContainer, variantIds: string[] | null): Promise<PricesSeen> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pricing = container.resolve(Modules.PRICING)
  const minDropPercent = minDropPercentOf(messaging)
  const seen: PricesSeen = { variants: 0 }

  const ids = variantIds ? [...new Set(variantIds)] : null
  for (let skip = 0; ; skip += PAGE) {
    const filters = ids ? { id: ids.slice(skip, skip + PAGE) } : {}
    if (ids && !filters.id?.length) return seen
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "price_set.id", "price_set.prices.currency_code"],
      filters,
      pagination: ids ? undefined : { skip, take: PAGE, order: { id: "ASC" } },
    })
    const variants = data as unknown as VariantPriceSet[]
    // one price calculation per currency, for every price set of the page priced in it
    const byCurrency = new Map<string, { variantId: string; priceSetId: string }[]>()
    for (const variant of variants) {
      seen.variants++
      if (!variant.price_set?.id) continue
      const currencies = new Set((variant.price_set.prices ?? []).map((p) => p.currency_code?.toLowerCase()).filter(Boolean) as string[])
      for (const currency of currencies) {
        byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), { variantId: variant.id, priceSetId: variant.price_set.id }])
      }
    }
    for (const [currency, sets] of byCurrency) {
      const calculated = await pricing.calculatePrices({ id: sets.map((s) => s.priceSetId) }, { context: { currency_code: currency } })
      const amountOf = new Map(calculated.map((c) => [c.id, c.calculated_amount === null ? null : Number(c.calculated_amount)]))
      for (const { variantId, priceSetId } of sets) {
        const amount = amountOf.get(priceSetId)
        if (amount === null || amount === undefined || !Number.isFinite(amount)) continue
        const outcome = await messaging.variantPrices.see(variantId, currency, amount, minDropPercent)
        seen[outcome] = (seen[outcome] ?? 0) + 1
      }
    }
    if (!ids && variants.length < PAGE) return seen
  }
}
