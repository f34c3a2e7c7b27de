import { z } from "@medusajs/framework/zod"
import { isTimeZone } from "../../../../lib/options"
import { ANALYTICS_DIMENSIONS } from "../../../../modules/messaging/tracking/analytics"
import { CALENDAR_DAY } from "../../../../modules/messaging/tracking/analytics-period"

/**
 * One end of the period: a calendar day (`2026-11-24`, a day in the report's zone; `to` includes it) or an
 * instant (`2026-11-24T08:00:00Z`; `to` excludes it). The route resolves days once it knows the zone.
 */
const bound = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const day = CALENDAR_DAY.exec(value)
    if (day) {
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
      if (date.toISOString().slice(0, 10) !== value) ctx.addIssue({ code: "custom", message: `"${value}" is not a calendar day` })
      return value
    }
    const instant = new Date(value)
    if (Number.isNaN(instant.getTime())) {
      ctx.addIssue({ code: "custom", message: `"${value}" is neither a day (YYYY-MM-DD) nor a date and time (ISO 8601)` })
    }
    return instant
  })

/** A period (default: the last 30 days), its zone, up to two dimensions, and the output format. */
export const AdminAnalyticsParams = z
  .object({
    from: bound.optional(),
    to: bound.optional(),
    /** The zone of calendar days, in `from`/`to` and in `group_by=day`; the store's (`defaultTimeZone`) by default. */
    time_zone: z.string().max(64).refine(isTimeZone, 'expected an IANA time zone such as "Europe/Paris"').optional(),
    group_by: z
      .string()
      .max(200)
      .optional()
      .transform((value, ctx) => {
        const dims = (value ?? "channel").split(",").map((d) => d.trim()).filter(Boolean)
        for (const dim of dims) {
          if (!(ANALYTICS_DIMENSIONS as readonly string[]).includes(dim)) {
            ctx.addIssue({ code: "custom", message: `Invalid group_by "${dim.slice(0, 40)}": expected ${ANALYTICS_DIMENSIONS.join(", ")}` })
          }
        }
        if (dims.length > 2) ctx.addIssue({ code: "custom", message: "group_by takes at most two dimensions" })
        return dims as (typeof ANALYTICS_DIMENSIONS)[number][]
      }),
    currency: z.string().regex(/^[A-Za-z]{3}$/).optional(),
    /** One campaign's messages only (the campaign page links here with group_by=variant). */
    campaign_id: z.string().min(1).max(100).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
export type AdminAnalyticsParamsType = z.infer<typeof AdminAnalyticsParams>
