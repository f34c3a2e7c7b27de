import { z } from "@medusajs/framework/zod"
import { periodProblem } from "../../../../lib/report-period"

export const AdminGetAttributionParams = z.object({ order_id: z.string().min(1) }).strict()

/**
 * The orders placed in a period (at most MAX_REPORT_PERIOD_DAYS; `to` defaults to now) are credited
 * again, with the windows now in the options.
 */
export const AdminRecomputeAttributionBody = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date().optional(),
    // only the orders with no attribution row (what the repair job does)
    only_missing: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const problem = periodProblem(b.from, b.to ?? new Date())
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  })
export type AdminRecomputeAttributionBodyType = z.infer<typeof AdminRecomputeAttributionBody>
