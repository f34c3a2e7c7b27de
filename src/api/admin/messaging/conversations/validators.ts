import { z } from "@medusajs/framework/zod"
import { isTooLongForSms, tooLongMessage } from "../../../../lib/sms-encoding"

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true")

/** GET /admin/messaging/conversations: one status at most, "mine" and "unread" on top, a search. */
export const AdminListConversationsParams = z
  .object({
    status: z.enum(["open", "waiting", "closed"]).optional(),
    mine: flag,
    unread: flag,
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type AdminListConversationsParamsType = z.infer<typeof AdminListConversationsParams>

/** GET /admin/messaging/conversations/:id: `before` pages older entries. */
export const AdminGetConversationParams = z.object({ before: z.string().min(1).max(100).optional() }).strict()
export type AdminGetConversationParamsType = z.infer<typeof AdminGetConversationParams>

/** A reply the admin writes: its text is refused past what a provider accepts, before it is counted. */
export const AdminReplyBody = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, "body: write the reply")
      .max(1600, "body: a reply holds at most 1600 characters")
      .superRefine((text, ctx) => {
        if (isTooLongForSms(text)) ctx.addIssue({ code: "custom", message: tooLongMessage(text, "body: the reply") })
      }),
    channel: z.enum(["sms", "rcs"]).optional(),
    suggestions: z
      .array(
        z
          .object({
            text: z.string().trim().min(1).max(25, "suggestions: a suggested reply holds at most 25 characters"),
            postback: z.string().max(256).optional(),
          })
          .strict()
      )
      .max(11, "suggestions: at most 11 suggested replies")
      .optional(),
    /** The same key (a retried click) sends one reply. */
    idempotency_key: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((reply) => !reply.suggestions?.length || reply.channel === "rcs", {
    message: "suggestions: suggested replies go with RCS only (channel: rcs)",
    path: ["suggestions"],
  })
export type AdminReplyBodyType = z.infer<typeof AdminReplyBody>

export const AdminAssignConversationBody = z.object({ assignee_id: z.string().min(1).max(100).nullable() }).strict()
export type AdminAssignConversationBodyType = z.infer<typeof AdminAssignConversationBody>

export const AdminEmptyBody = z.object({}).strict()
