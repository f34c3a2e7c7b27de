import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productPageUrl } from "../../lib/back-in-stock"
import { consentAllows } from "../../lib/consent"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import type { ProductViewRow, ViewSettlement } from "../../modules/messaging/browse/product-views"
import { sendMessageWorkflow } from "../messages/send-message"

const DAY_MS = 86_400_000
/** At most one browse-abandonment text per phone per week. */
export const BROWSE_TEXT_EVERY_DAYS = 7
const PAGE = 200

export type BrowseAbandonmentRun = { checked: number; sent: number; failed: number; skipped: Record<string, number> }

type Shopping = { id: string; completed_at?: string | Date | null; items?: { product_id?: string | null }[] | null }

/**
 * One pass of the browse-abandonment automation: a known shopper who viewed a product `delay_minutes` (4 h)
 * ago, within `max_age_hours` (48 h), and has not put it in a cart or bought it since, gets one text with
 * the product's link — with marketing consent, at most one per phone per week, and never on top of a cart
 * reminder: a phone texted about its cart this week, or with a cart still open (the cart reminder's job),
 * is left alone. Each view is settled once, so running it twice texts nobody twice.
 */
export async function remindBrowseAbandonment(container: MedusaContainer, now: Date = new Date()): Promise<BrowseAbandonmentRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await messaging.effectiveAutomation("browse_abandonment")
  const run: BrowseAbandonmentRun = { checked: 0, sent: 0, failed: 0, skipped: {} }
  if (!settings.enabled) return run
  const options = messaging.getOptions()
  const before = new Date(now.getTime() - settings.delay_minutes * 60_000)
  const notBefore = new Date(now.getTime() - (settings.max_age_hours ?? 48) * 3_600_000)
  const settle = async (view: ProductViewRow, reason: ViewSettlement | "cart_open") => {
    run.skipped[reason] = (run.skipped[reason] ?? 0) + 1
    await messaging.productViews.settle(view.id, reason === "cart_open" ? "carted" : reason, new Date(view.viewed_at))
  }

  // a view whose text failed stays due for the next run, but this run does not loop on it
  const failed = new Set<string>()
  for (;;) {
    const page = await messaging.productViews.due(before, notBefore, PAGE + failed.size)
    const views = page.filter((view) => !failed.has(view.id))
    if (!views.length) return run
    for (const view of views) {
      run.checked++
      if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(view.phone)).allowed) {
        await settle(view, "no_consent")
        continue
      }
      const shopping = await shoppingOf(query, view, notBefore)
      if (shopping.some((s) => s.items?.some((item) => item.product_id === view.product_id))) {
        await settle(view, "carted")
        continue
      }
      if (shopping.some((s) => "completed_at" in s && !s.completed_at && s.items?.length)) {
        await settle(view, "cart_open")
        continue
      }
      const lastText = await messaging.productViews.lastTextedAt(view.phone, ["browse_abandonment", "abandoned_cart"])
      if (lastText && lastText.getTime() > now.getTime() - BROWSE_TEXT_EVERY_DAYS * DAY_MS) {
        await settle(view, "recently_texted")
        continue
      }
      const { data: products } = await query.graph({ entity: "product", fields: ["title", "handle", "status"], filters: { id: view.product_id } })
      const product = products[0] as { title?: string; handle?: string; status?: string } | undefined
      if (!product || product.status !== "published") {
        await settle(view, "expired")
        continue
      }
      try {
        const { data: customers } = view.customer_id
          ? await query.graph({ entity: "customer", fields: ["first_name"], filters: { id: view.customer_id } })
          : { data: [] }
        await sendMessageWorkflow(container).run({
          input: {
            template_key: settings.template_key,
            idempotency_key: `browse_abandonment:${view.id}`,
            phone: view.phone,
            country_code: view.country_code,
            locale: view.locale,
            customer_id: view.customer_id,
            purpose: "marketing",
            variables: {
              customer_first_name: (customers[0] as { first_name?: string } | undefined)?.first_name ?? null,
              product_title: product.title ?? "",
              product_url: productPageUrl(product.handle, options),
            },
            metadata: { automation: "browse_abandonment", product_id: view.product_id },
          },
        })
        await messaging.productViews.settle(view.id, "texted", new Date(view.viewed_at))
        run.sent++
      } catch (error) {
        run.failed++
        failed.add(view.id)
        logger.error(`medusa-plugin-sms-rcs: browse-abandonment text for view ${view.id} not sent: ${(error as Error).message}`)
      }
    }
    if (page.length < PAGE + failed.size) return run
  }
}

/** The shopper's carts and orders around the view: the cart the view came from, the customer's others. */
async function shoppingOf(query: any, view: ProductViewRow, since: Date): Promise<Shopping[]> {
  const out: Shopping[] = []
  if (view.cart_id) {
    const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "items.product_id"], filters: { id: view.cart_id } })
    out.push(...data)
  }
  if (view.customer_id) {
    const [{ data: carts }, { data: orders }] = await Promise.all([
      query.graph({ entity: "cart", fields: ["id", "completed_at", "items.product_id"], filters: { customer_id: view.customer_id, updated_at: { $gte: since } } }),
      query.graph({ entity: "order", fields: ["id", "items.product_id"], filters: { customer_id: view.customer_id, created_at: { $gte: since } } }),
    ])
    out.push(...carts, ...orders)
  }
  return out
}
