import { z } from "@medusajs/framework/zod"

const keyword = z.string().trim().min(1, "keywords: a keyword holds at least one character").max(40, "keywords: a keyword holds at most 40 characters")

const fields = {
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "locale: expected a language code such as en or fr"),
  keywords: z.array(keyword).min(1, "keywords: give at least one keyword").max(20, "keywords: at most 20 keywords"),
  postbacks: z.array(z.string().trim().min(1).max(200)).max(20, "postbacks: at most 20 postbacks"),
  answer: z.string().trim().min(1, "answer: write the answer").max(1600, "answer: at most 1600 characters"),
  enabled: z.boolean(),
}

/** POST /admin/messaging/faq: a new automatic answer. */
export const AdminFaqBody = z
  .object({ ...fields, postbacks: fields.postbacks.default([]), enabled: fields.enabled.default(true) })
  .strict()
export type AdminFaqBodyType = z.infer<typeof AdminFaqBody>

/** POST /admin/messaging/faq/:id: the fields given change. */
export const AdminFaqPatchBody = z.object(fields).partial().strict()
export type AdminFaqPatchBodyType = z.infer<typeof AdminFaqPatchBody>
