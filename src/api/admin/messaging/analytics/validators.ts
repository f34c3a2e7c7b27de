import { z } from "@medusajs/framework/zod"
import { periodProblem } from "../../../../lib/report-period"
import { ANALYTICS_DIMENSIONS } from "../../../../modules/messaging/tracking/analytics"

const DAY_MS = 86_400_000

/** A period (default: the last 30 days), up to two dimensions, and the output format. */
export const AdminAnalyticsParams = z
  .object({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    group_by: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const dims = (value ?? "channel").split(",").map((d) => d.trim()).filter(Boolean)
        for (const dim of dims) {
          if (!(ANALYTICS_DIMENSIONS as readonly string[]).includes(dim)) {
            ctx.addIssue({ code: "custom", message: `Invalid group_by "${dim}": expected ${ANALYTICS_DIMENSIONS.join(", ")}` })
          }
        }
        if (dims.length > 2) ctx.addIssue({ code: "custom", message: "group_by takes at most two dimensions" })
        return dims as (typeof ANALYTICS_DIMENSIONS)[number][]
      }),
    currency: z.string().regex(/^[A-Za-z]{3}$/).optional(),
    /** One campaign's messages only (the campaign page links here with group_by=variant). */
    campaign_id: z.string().min(1).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
  .transform((q) => {
    const to = q.to ?? new Date()
    const from = q.from ?? new Date(to.getTime() - 30 * DAY_MS)
    return { ...q, from, to }
  })
  .superRefine((q, ctx) => {
    const problem = periodProblem(q.from, q.to)
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  })
export type AdminAnalyticsParamsType = z.infer<typeof AdminAnalyticsParams>
