import { z } from "@medusajs/framework/zod"
import { MESSAGE_STATUSES } from "../../../../lib/message-status"

/**
 * A filter that takes one value or several (`?status=sent&status=delivered` or `?status[]=…`), always
 * handed on as a list. With `allowed`, a wrong value is answered with the values that would do.
 */
const oneOrMany = (field: string, allowed?: readonly string[]) =>
  z
    .union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(50)])
    .optional()
    .transform((value) => (value === undefined || Array.isArray(value) ? value : [value]))
    .superRefine((values, ctx) => {
      for (const value of allowed ? values ?? [] : []) {
        if (!allowed!.includes(value)) {
          ctx.addIssue({ code: "custom", message: `Invalid ${field} "${value}": expected one of ${allowed!.join(", ")}` })
        }
      }
    })

/** An instant written as ISO 8601 with its zone ("2026-12-01T00:00:00+01:00", "…Z"): never a zone-less guess. */
const isoInstant = (field: string) =>
  z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, `${field}: expected an ISO 8601 time with its zone, e.g. 2026-12-01T00:00:00+01:00`)
    .transform((value) => new Date(value))
    .refine((date) => !Number.isNaN(date.getTime()), `${field}: not a real date`)
    .optional()

/** The columns a list may be sorted on (`?order=-sent_at`): indexed or small, and never a free name. */
export const MESSAGE_SORT_FIELDS = [
  "created_at",
  "updated_at",
  "sent_at",
  "delivered_at",
  "read_at",
  "failed_at",
  "status",
  "channel",
  "purpose",
  "segments",
  "cost_amount",
] as const

/** `sent_at` or `-sent_at` (descending), one column (Medusa's query config takes one); an unknown one is a 400 naming the allowed ones. */
const sortOrder = z
  .string()
  .max(100)
  .superRefine((value, ctx) => {
    if (!(MESSAGE_SORT_FIELDS as readonly string[]).includes(value.replace(/^-/, ""))) {
      ctx.addIssue({ code: "custom", message: `Invalid order "${value}": sort on one of ${MESSAGE_SORT_FIELDS.join(", ")} (prefix with - for descending)` })
    }
  })
  .optional()

export const AdminListMessagesParams = z
  .object({
    /** An order's id (`order_01…`) or its number as the owner reads it (`1042`, `#1042`): see the route. */
    order_id: oneOrMany("order_id"),
    customer_id: oneOrMany("customer_id"),
    cart_id: oneOrMany("cart_id"),
    campaign_id: oneOrMany("campaign_id"),
    to: oneOrMany("to"),
    status: oneOrMany("status", MESSAGE_STATUSES),
    channel: oneOrMany("channel", ["sms", "rcs"]),
    purpose: oneOrMany("purpose", ["transactional", "marketing"]),
    template_key: oneOrMany("template_key"),
    /** The SMS that replaced an RCS message (the message page asks whether one went out). */
    fallback_of_id: oneOrMany("fallback_of_id"),
    /** Created at or after / before this instant (ISO 8601 with its offset): the page's date range. */
    created_from: isoInstant("created_from"),
    created_to: isoInstant("created_to"),
    fields: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    order: sortOrder,
  })
  .strict()
  .refine((q) => !q.created_from || !q.created_to || q.created_from < q.created_to, {
    message: "created_from must be before created_to",
    path: ["created_from"],
  })
  // the date range becomes the filter Medusa's query understands, on the indexed creation time
  .transform(({ created_from, created_to, ...rest }) =>
    created_from || created_to
      ? { ...rest, created_at: { ...(created_from ? { $gte: created_from } : {}), ...(created_to ? { $lt: created_to } : {}) } }
      : rest
  )

export type AdminListMessagesParamsType = z.infer<typeof AdminListMessagesParams>

export const AdminGetMessageParams = z.object({ fields: z.string().optional() }).strict()

/** POST /admin/messaging/messages/:id/resend takes no body (an empty one is fine). */
export const AdminResendMessageBody = z.object({}).strict()
