import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backInStockWording } from "../../../../lib/back-in-stock"
import { requestBackInStockWorkflow } from "../../../../workflows/back-in-stock/request-back-in-stock"
import { customerOf, guardStorefrontPhone, storefrontClient } from "../consent/phone-guard"
import type { StoreBackInStockBodyType } from "./validators"

/**
 * GET /store/messaging/back-in-stock?locale=fr (or the `x-medusa-locale` header, as Medusa's store routes
 * read it) — the wording the storefront shows next to its "text me when it is back" form, and its version
 * (to send back with the request: it is kept as the proof).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const wording = backInStockWording(req.locale)
  res.json({ wording: { text: wording.text, version: wording.version, locale: wording.locale } })
}

/**
 * POST /store/messaging/back-in-stock — a shopper asks to be texted once when a variant is back (the
 * request is the consent for that one alert). **201** with the new request, **200** with the one already
 * waiting for this number and variant (no second alert). Guarded like the opt-in: a real number of a
 * country the store sells to, and so many requests per address and number range per hour.
 */
export async function POST(req: MedusaRequest<StoreBackInStockBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body, "back_in_stock")
  if (!phone) return
  const { result } = await requestBackInStockWorkflow(req.scope).run({
    input: {
      phone,
      variant_id: body.variant_id,
      locale: body.locale ?? req.locale ?? null,
      wording_version: body.wording_version,
      customer_id: customerOf(req),
      ...storefrontClient(req),
    },
  })
  const { id, variant_id, status, created_at } = result.request
  res.status(result.created ? 201 : 200).json({ back_in_stock_request: { id, phone, variant_id, status, created_at } })
}
