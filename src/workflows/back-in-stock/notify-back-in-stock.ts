import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productPageUrl, variantInStock, type VariantStock } from "../../lib/back-in-stock"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { sendMessageWorkflow } from "../messages/send-message"

/** Variants looked at per page, and alerts created per variant per pass: the rest wait for the next pass. */
const VARIANT_PAGE = 100
const ALERTS_PER_VARIANT = 200

export type BackInStockRun = { variants_checked: number; in_stock: number; notified: number; failed: number; skipped: Record<string, number> }

const VARIANT_FIELDS = [
  "id",
  "title",
  "manage_inventory",
  "allow_backorder",
  "product.title",
  "product.handle",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

type VariantForAlert = VariantStock & { id: string; title?: string | null; product?: { title?: string | null; handle?: string | null } | null }

/**
 * One pass of the back-in-stock automation: for each variant someone waits for that can be bought again,
 * each requester gets one text with the product's (tracked) link, in request order. The texts are queued
 * and leave at the provider's rate limit; a variant with more requesters than a pass handles carries on in
 * the next pass. A request made before its number opted out of marketing, or from a number that stopped
 * everything, is canceled instead. Started by the inventory events and by a job (a stock change that
 * emitted no event is still caught); running it twice texts nobody twice.
 */
export async function notifyBackInStock(container: MedusaContainer): Promise<BackInStockRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await messaging.effectiveAutomation("back_in_stock")
  const run: BackInStockRun = { variants_checked: 0, in_stock: 0, notified: 0, failed: 0, skipped: {} }
  if (!settings.enabled) return run
  const options = messaging.getOptions()
  const skip = (reason: string) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1)

  for (let after: string | null = null; ; ) {
    const variantIds = await messaging.backInStock.waitingVariants(VARIANT_PAGE, after)
    if (!variantIds.length) return run
    after = variantIds[variantIds.length - 1]
    const { data } = await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: variantIds } })
    const variants = new Map((data as unknown as VariantForAlert[]).map((v) => [v.id, v]))
    for (const variantId of variantIds) {
      run.variants_checked++
      const variant = variants.get(variantId)
      if (!variant || !variantInStock(variant)) continue
      run.in_stock++
      for (const request of await messaging.backInStock.waitingFor(variantId, ALERTS_PER_VARIANT)) {
        const state = await messaging.consentStateOf(request.phone)
        const [marketing] = await messaging.listConsents({ phone: request.phone, purpose: "marketing" }, { select: ["status", "revoked_at"] })
        const optedOutSince =
          marketing?.status === "revoked" && marketing.revoked_at && new Date(marketing.revoked_at) > new Date(request.created_at)
        if (state.transactional === "revoked" || optedOutSince) {
          await messaging.backInStock.settle(request.id, "canceled")
          skip("opted_out")
          continue
        }
        try {
          const { result } = await sendMessageWorkflow(container).run({
            input: {
              template_key: settings.template_key,
              idempotency_key: `back_in_stock:${request.id}`,
              phone: request.phone,
              locale: request.locale,
              customer_id: request.customer_id,
              purpose: "marketing",
              consent_reply: "requested_alert",
              delay_minutes: settings.delay_minutes,
              variables: {
                product_title: variant.product?.title ?? "",
                variant_title: variant.title && variant.title !== "Default variant" ? variant.title : "",
                product_url: productPageUrl(variant.product?.handle, options),
              },
              metadata: { automation: "back_in_stock", variant_id: variantId, back_in_stock_request_id: request.id },
            },
          })
          await messaging.backInStock.settle(request.id, "notified", result.message?.id ?? null)
          run.notified++
        } catch (error) {
          run.failed++
          logger.error(`medusa-plugin-sms-rcs: back-in-stock alert ${request.id} not sent: ${(error as Error).message}`)
        }
      }
    }
    if (variantIds.length < VARIANT_PAGE) return run
  }
}
