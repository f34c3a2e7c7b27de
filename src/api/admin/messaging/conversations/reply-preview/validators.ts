import { z } from "@medusajs/framework/zod"
import { isTooLongForSms, tooLongMessage } from "../../../../../lib/sms-encoding"

/**
 * A reply being written in the inbox. The text is refused past what a provider accepts before it is
 * counted (counting is quadratic in the length); the phone only picks the price's country.
 */
export const AdminPreviewReplyBody = z
  .object({
    body: z.string().superRefine((text, ctx) => {
      if (isTooLongForSms(text)) ctx.addIssue({ code: "custom", message: tooLongMessage(text, "body: the reply") })
    }),
    channel: z.enum(["sms", "rcs"]).default("sms"),
    phone: z.string().max(40).optional(),
  })
  .strict()
export type AdminPreviewReplyBodyType = z.infer<typeof AdminPreviewReplyBody>
