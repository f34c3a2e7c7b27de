import { z } from "@medusajs/framework/zod"
import { MESSAGE_STATUSES } from "../../../../lib/message-status"

/**
 * A filter that takes one value or several (`?status=sent&status=delivered` or `?status[]=…`), always
 * handed on as a list. With `allowed`, a wrong value is answered with the values that would do.
 */
const oneOrMany = (field: string, allowed?: readonly string[]) =>
  z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .optional()
    .transform((value) => (value === undefined || Array.isArray(value) ? value : [value]))
    .superRefine((values, ctx) => {
      for (const value of allowed ? values ?? [] : []) {
        if (!allowed!.includes(value)) {
          ctx.addIssue({ code: "custom", message: `Invalid ${field} "${value}": expected one of ${allowed!.join(", ")}` })
        }
      }
    })

export const AdminListMessagesParams = z
  .object({
    order_id: oneOrMany("order_id"),
    customer_id: oneOrMany("customer_id"),
    cart_id: oneOrMany("cart_id"),
    campaign_id: oneOrMany("campaign_id"),
    to: oneOrMany("to"),
    status: oneOrMany("status", MESSAGE_STATUSES),
    channel: oneOrMany("channel", ["sms", "rcs"]),
    purpose: oneOrMany("purpose", ["transactional", "marketing"]),
    template_key: oneOrMany("template_key"),
    fields: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    order: z.string().optional(),
  })
  .strict()

export type AdminListMessagesParamsType = z.infer<typeof AdminListMessagesParams>

export const AdminGetMessageParams = z.object({ fields: z.string().optional() }).strict()
