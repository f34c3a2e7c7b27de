import { z } from "@medusajs/framework/zod"
import { MESSAGE_STATUSES } from "../../../../lib/message-status"

/** A filter that takes one value or several (`?status=sent&status=delivered` or `?status[]=…`). */
const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([schema, z.array(schema)]).optional()

export const AdminListMessagesParams = z
  .object({
    order_id: oneOrMany(z.string().min(1)),
    customer_id: oneOrMany(z.string().min(1)),
    to: oneOrMany(z.string().min(1)),
    status: oneOrMany(z.enum(MESSAGE_STATUSES as [string, ...string[]])),
    channel: oneOrMany(z.enum(["sms", "rcs"])),
    purpose: oneOrMany(z.enum(["transactional", "marketing"])),
    template_key: oneOrMany(z.string().min(1)),
    fields: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    order: z.string().optional(),
  })
  .strict()

export type AdminListMessagesParamsType = z.infer<typeof AdminListMessagesParams>

export const AdminGetMessageParams = z.object({ fields: z.string().optional() }).strict()
