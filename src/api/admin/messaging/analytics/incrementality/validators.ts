import { z } from "@medusajs/framework/zod"
import { MAX_REPORT_PERIOD_DAYS } from "../../../../../lib/report-period"

/** The last `days` days (default 30, at most the reports' longest period) and the currency to count. */
export const AdminIncrementalityParams = z
  .object({
    days: z.coerce.number().int().min(1).max(MAX_REPORT_PERIOD_DAYS).default(30),
    currency: z.string().regex(/^[A-Za-z]{3}$/).optional(),
  })
  .strict()
export type AdminIncrementalityParamsType = z.infer<typeof AdminIncrementalityParams>
