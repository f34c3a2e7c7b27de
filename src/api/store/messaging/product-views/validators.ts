import { z } from "@medusajs/framework/zod"

export const StoreProductViewBody = z
  .object({
    product_id: z.string().regex(/^prod_[0-9A-Za-z]{1,60}$/, "expected a product id (prod_…)"),
    /** The shopper's cart, when they have one: how a guest's phone is known. */
    cart_id: z.string().regex(/^cart_[0-9A-Za-z]{1,60}$/, "expected a cart id (cart_…)").optional(),
  })
  .strict()

export type StoreProductViewBodyType = z.infer<typeof StoreProductViewBody>
