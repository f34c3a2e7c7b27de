import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { phoneVerificationWorkflow } from "../../../../../workflows/consent/phone-verification"
import { customerOf, guardStorefrontPhone, storefrontClient } from "../phone-guard"
import type { StoreVerificationBodyType } from "../validators"

/**
 * POST /store/messaging/consent/verification — texts a 6-digit code to the number, to prove whoever
 * changes its transactional consent holds it. Always **202** `{ verification: { id, expires_at } }`:
 * the answer is the same when no code goes (the number stopped everything, or asked too often), so it
 * tells nothing about the number.
 */
export async function POST(req: MedusaRequest<StoreVerificationBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const phone = await guardStorefrontPhone(req, res, body, "verification")
  if (!phone) return
  const { result } = await phoneVerificationWorkflow(req.scope).run({
    input: {
      phone,
      purpose: "transactional",
      action: body.action,
      customer_id: customerOf(req),
      locale: body.locale ?? null,
      ...storefrontClient(req),
    },
  })
  res.status(202).json({ verification: { id: result.id, expires_at: result.expires_at } })
}
