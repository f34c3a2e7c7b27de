import { z } from "zod"

/**
 * What the storefront puts in the cart's metadata when the shopper ticks the (unticked by default) SMS box
 * at checkout: `cart.metadata.sms_opt_in = { wording, wording_version, purpose?, phone?, locale?, user_agent? }`.
 * The order keeps the cart's metadata, and the plugin records the proof at `order.placed`.
 */
export const checkoutOptInSchema = z
  .object({
    wording: z.string().min(10).max(2000),
    wording_version: z.string().min(1).max(100),
    purpose: z.enum(["marketing", "transactional"]).default("marketing"),
    /** Another phone than the order's. */
    phone: z.string().min(3).max(40).optional(),
    locale: z.string().min(2).max(35).optional(),
    user_agent: z.string().max(500).optional(),
    ip: z.string().max(64).optional(),
  })
  .passthrough()

export type CheckoutOptIn = z.infer<typeof checkoutOptInSchema>

export function readCheckoutOptIn(metadata: Record<string, unknown> | null | undefined): CheckoutOptIn | null {
  const parsed = checkoutOptInSchema.safeParse(metadata?.sms_opt_in)
  return parsed.success ? parsed.data : null
}
