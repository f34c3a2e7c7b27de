import { z } from "@medusajs/framework/zod"
import { MEDIA_URL } from "../../../../lib/messages/mms"
import { isTooLongForSms, tooLongMessage } from "../../../../lib/sms-encoding"

/**
 * The SMS text: refused past what a provider accepts, with a message that says so, before anything
 * parses, renders or counts it (counting is quadratic in the length).
 */
const smsBody = z.string().superRefine((text, ctx) => {
  if (isTooLongForSms(text)) ctx.addIssue({ code: "custom", message: tooLongMessage(text, "sms_body: the SMS text") })
})

const key = z.string().regex(/^[a-z0-9_]{1,64}$/, "expected a template key of lowercase letters, digits and _")
const locale = z.string().regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'expected a locale such as "en", "fr" or "fr-CA"')

/**
 * The shape of a template. Its content (syntax, variables, RCS limits, the mandatory SMS text) is
 * checked by the route, which reports every problem at once instead of the first one.
 */
export const AdminSaveTemplateBody = z
  .object({
    key,
    locale,
    sms_body: smsBody,
    rcs_payload: z.unknown().nullable().optional(),
    /** MMS where it is the norm (US and Canada through Twilio): a public http(s) URL of the image, or a variable. */
    media_url: z
      .string()
      .trim()
      .max(1_000, "media_url: at most 1000 characters")
      .regex(MEDIA_URL, "media_url: expected a public http(s) URL of the image, such as https://shop.example.com/mms/welcome.jpg")
      .nullable()
      .optional(),
    purpose: z.enum(["transactional", "marketing"]).optional(),
    enabled: z.boolean().optional(),
    /** For a key of your own: the variables your subscriber passes to `sendMessageWorkflow`. */
    variables: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).max(100).optional(),
  })
  .strict()
export type AdminSaveTemplateBodyType = z.infer<typeof AdminSaveTemplateBody>

export const AdminPreviewTemplateBody = z
  .object({
    key,
    locale,
    sms_body: smsBody,
    rcs_payload: z.unknown().nullable().optional(),
    purpose: z.enum(["transactional", "marketing"]).optional(),
    variables: z.array(z.string()).max(100).optional(),
    /** Shown by the editor beside the draft; a preview counts the text alone. */
    media_url: z.string().max(1_000).nullable().optional(),
  })
  .strict()
export type AdminPreviewTemplateBodyType = z.infer<typeof AdminPreviewTemplateBody>

export const AdminTestTemplateBody = AdminPreviewTemplateBody.extend({
  phone: z.string().min(3).max(40),
}).strict()
export type AdminTestTemplateBodyType = z.infer<typeof AdminTestTemplateBody>
