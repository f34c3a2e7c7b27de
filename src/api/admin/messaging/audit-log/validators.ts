import { z } from "@medusajs/framework/zod"
import { AUDIT_ACTIONS } from "../../../../modules/messaging"

/** `?action=consent.import&action=personal_data.erase` (one or several), `actor_id`, `limit`, `offset`. */
export const AdminListAuditLogParams = z
  .object({
    action: z
      .union([z.enum(AUDIT_ACTIONS), z.array(z.enum(AUDIT_ACTIONS))])
      .optional()
      .transform((value) => (value === undefined || Array.isArray(value) ? value : [value])),
    actor_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type AdminListAuditLogParamsType = z.infer<typeof AdminListAuditLogParams>
