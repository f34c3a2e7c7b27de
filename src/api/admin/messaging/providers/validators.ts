import { z } from "@medusajs/framework/zod"

export const AdminProviderTestSendBody = z
  .object({
    phone: z.string().trim().min(4, "expected the phone to send the test to"),
    /** "rcs" tries RCS first (capability checked, SMS if the phone cannot); "sms" sends a text. */
    channel: z.enum(["sms", "rcs"]).default("sms"),
    body: z.string().trim().min(1).max(1_600).optional(),
  })
  .strict()

export type AdminProviderTestSendBodyType = z.infer<typeof AdminProviderTestSendBody>
