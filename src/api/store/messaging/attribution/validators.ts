import { z } from "@medusajs/framework/zod"

export const StoreAttachAttributionBody = z
  .object({
    cart_id: z.string().min(1),
    code: z.string().regex(/^[0-9A-Za-z]{8,32}$/, "expected the code of a tracked link (8 to 32 letters and digits)"),
  })
  .strict()
export type StoreAttachAttributionBodyType = z.infer<typeof StoreAttachAttributionBody>
