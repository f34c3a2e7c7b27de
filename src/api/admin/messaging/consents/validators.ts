import { z } from "@medusajs/framework/zod"

export const AdminGetConsentsParams = z
  .object({
    customer_id: z.string().min(1).optional(),
    phone: z.string().min(3).optional(),
  })
  .strict()
  .refine((q) => q.customer_id || q.phone, { message: "Give a customer_id or a phone" })

/** Consent obtained offline (in a shop, on paper, by phone): the note says how, and is the proof. */
export const AdminRecordConsentBody = z
  .object({
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    customer_id: z.string().min(1).optional(),
    purpose: z.enum(["marketing", "transactional"]),
    action: z.enum(["grant", "revoke"]),
    note: z.string().min(3, "Say how the consent was obtained or withdrawn").max(2000),
    wording: z.string().max(2000).optional(),
    wording_version: z.string().max(100).optional(),
  })
  .strict()

export type AdminRecordConsentBodyType = z.infer<typeof AdminRecordConsentBody>

export const AdminImportConsentsBody = z.object({ csv: z.string().min(1).max(10_000_000) }).strict()
