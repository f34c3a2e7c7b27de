import { z } from "@medusajs/framework/zod"

/**
 * Whose data: a phone in any form (a national number is read in the store's `defaultCountry`, like every
 * other phone field; the route normalises it and says when it cannot) or a customer (their proven phones).
 */
const phone = z.string().trim().min(3).max(40)
const customer_id = z.string().trim().min(1).max(100)
const named = (s: { phone?: string; customer_id?: string }) => !!(s.phone || s.customer_id)

export const AdminPersonalDataParams = z
  .object({ phone: phone.optional(), customer_id: customer_id.optional() })
  .strict()
  .refine(named, { message: "Give a phone or a customer_id" })

/** `dry_run: true`: what the erasure would remove, counted by doing it and rolling it back; nothing changes. */
export const AdminErasePersonalDataBody = z
  .object({ phone: phone.optional(), customer_id: customer_id.optional(), dry_run: z.boolean().optional().default(false) })
  .strict()
  .refine(named, { message: "Give a phone or a customer_id" })

export type AdminPersonalDataParamsType = z.infer<typeof AdminPersonalDataParams>
export type AdminErasePersonalDataBodyType = z.infer<typeof AdminErasePersonalDataBody>
