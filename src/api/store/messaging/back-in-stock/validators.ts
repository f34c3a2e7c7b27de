import { z } from "@medusajs/framework/zod"

export const StoreBackInStockBody = z
  .object({
    /** As the shopper typed it; national numbers need `country_code`. */
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    variant_id: z.string().regex(/^variant_[0-9A-Za-z]{1,60}$/, "expected a product variant id (variant_…)"),
    locale: z.string().min(2).max(35).optional(),
    /** The `version` answered by GET /store/messaging/back-in-stock, whose wording the shopper saw. */
    wording_version: z.string().min(1).max(100),
  })
  .strict()

export type StoreBackInStockBodyType = z.infer<typeof StoreBackInStockBody>
