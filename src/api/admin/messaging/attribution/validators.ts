import { z } from "@medusajs/framework/zod"

export const AdminGetAttributionParams = z.object({ order_id: z.string().min(1) }).strict()

/** The orders placed in a period are credited again, with the windows now in the options. */
export const AdminRecomputeAttributionBody = z
  .object({ from: z.coerce.date(), to: z.coerce.date().optional() })
  .strict()
  .refine((b) => !b.to || b.from.getTime() < b.to.getTime(), { message: '"from" must be before "to"' })
export type AdminRecomputeAttributionBodyType = z.infer<typeof AdminRecomputeAttributionBody>
