import { z } from "@medusajs/framework/zod"

/** A customer id in the path: Medusa's ids are short; anything else is refused before a query runs. */
export const AdminCustomerParams = z
  .object({ id: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "expected a customer id such as cus_01…") })
  .strict()
