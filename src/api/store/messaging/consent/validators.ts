import { z } from "@medusajs/framework/zod"

export const StoreOptInBody = z
  .object({
    /** As the shopper typed it; national numbers need `country_code`. */
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    purpose: z.enum(["marketing", "transactional"]).default("marketing"),
    /** The exact text of the checkbox or form the shopper agreed to, and its version: the proof. */
    wording: z.string().min(10).max(2000),
    wording_version: z.string().min(1).max(100),
    locale: z.string().min(2).max(35).optional(),
  })
  .strict()

export const StoreRevokeBody = z
  .object({
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    purpose: z.enum(["marketing", "transactional"]).default("marketing"),
  })
  .strict()

export type StoreOptInBodyType = z.infer<typeof StoreOptInBody>
export type StoreRevokeBodyType = z.infer<typeof StoreRevokeBody>

/** Ask for a code to prove the number before changing its transactional consent. */
export const StoreVerificationBody = z
  .object({
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    purpose: z.literal("transactional").default("transactional"),
    action: z.enum(["grant", "revoke"]),
    locale: z.string().min(2).max(35).optional(),
  })
  .strict()

export const StoreVerificationConfirmBody = z
  .object({
    id: z.string().regex(/^smspv_[0-9A-Za-z]+$/, "expected the id answered by POST /store/messaging/consent/verification"),
    code: z.string().regex(/^\d{6}$/, "expected the 6-digit code from the text"),
  })
  .strict()

export type StoreVerificationBodyType = z.infer<typeof StoreVerificationBody>
export type StoreVerificationConfirmBodyType = z.infer<typeof StoreVerificationConfirmBody>
