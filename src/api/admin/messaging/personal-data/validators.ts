import { z } from "@medusajs/framework/zod"

const subject = z
  .object({
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone such as +33612345678").optional(),
    customer_id: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((s) => s.phone || s.customer_id, { message: "Give a phone or a customer_id" })

export const AdminPersonalDataParams = subject
/** `dry_run: true`: what the erasure would remove, counted by doing it and rolling it back; nothing changes. */
export const AdminErasePersonalDataBody = z
  .object({
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone such as +33612345678").optional(),
    customer_id: z.string().min(1).max(100).optional(),
    dry_run: z.boolean().optional().default(false),
  })
  .strict()
  .refine((s) => s.phone || s.customer_id, { message: "Give a phone or a customer_id" })

export type AdminPersonalDataParamsType = z.infer<typeof AdminPersonalDataParams>
export type AdminErasePersonalDataBodyType = z.infer<typeof AdminErasePersonalDataBody>
