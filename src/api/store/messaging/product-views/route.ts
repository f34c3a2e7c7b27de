import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressLimitKey } from "../../../../lib/client-address"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { recordProductViewWorkflow } from "../../../../workflows/browse/record-product-view"
import { customerOf, storefrontClient } from "../consent/phone-guard"
import type { StoreProductViewBodyType } from "./validators"

/** A browsing shopper opens many pages; a flood from one address is cut off beyond this. */
const VIEWS_PER_ADDRESS_PER_HOUR = 600

/**
 * POST /store/messaging/product-views `{ product_id, cart_id? }` — the storefront reports a product page
 * view (publishable key; a customer session is optional). Always **202** `{}`: whether the shopper is known
 * (logged in, or through the cart they hold) and has a phone is not told, so the route reveals nothing.
 */
export async function POST(req: MedusaRequest<StoreProductViewBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const address = addressLimitKey(storefrontClient(req).ip)
  if (!(await messaging.allowHit(`product_view:ip:${address}`, VIEWS_PER_ADDRESS_PER_HOUR))) {
    res.status(429).json({ type: "too_many_requests", message: "Too many requests from this address; try again in an hour." })
    return
  }
  await recordProductViewWorkflow(req.scope).run({
    input: { product_id: req.validatedBody.product_id, cart_id: req.validatedBody.cart_id ?? null, customer_id: customerOf(req) },
  })
  res.status(202).json({})
}
