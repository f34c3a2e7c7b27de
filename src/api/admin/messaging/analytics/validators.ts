import { z } from "@medusajs/framework/zod"
import { isTimeZone } from "../../../../lib/options"
import { ANALYTICS_DIMENSIONS } from "../../../../modules/messaging/tracking/analytics"
import { CALENDAR_DAY } from "../../../../modules/messaging/tracking/analytics-period"

/**
 * An instant with its zone written out: `2026-11-24T08:00Z`, `…T08:00:00.000+01:00`. Without a zone
 * ("2026-11-24 23:30") the server would read it in its own zone, which is neither the store's nor the admin's.
 */
const ZONED_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

/** Whether year-month-day is a day of the calendar (2026-02-30 is not): the parts survive a round trip. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  return date.toISOString().slice(0, 10) === `${year}-${month}-${day}`
}

/**
 * One end of the period, `field` named in its errors: a calendar day (`2026-11-24`, a day in the report's zone;
 * `to` includes it) or an ISO 8601 instant with an explicit zone (`2026-11-24T08:00:00Z`, `…+01:00`; `to`
 * excludes it). Nothing else: `Date` would take `0` for 1 January 2000 and a zoneless time in the server's
 * zone. The route resolves days once it knows the report's zone.
 */
const bound = (field: "from" | "to") =>
  z
    .string()
    .max(40)
    .transform((value, ctx) => {
      const shown = value.slice(0, 40)
      const day = CALENDAR_DAY.exec(value)
      if (day) {
        if (!isCalendarDay(day[1], day[2], day[3])) ctx.addIssue({ code: "custom", message: `${field}: "${shown}" is not a calendar day` })
        return value
      }
      const instant = ZONED_INSTANT.exec(value)
      const valid =
        instant &&
        isCalendarDay(instant[1], instant[2], instant[3]) &&
        Number(instant[4]) <= 23 &&
        Number(instant[5]) <= 59 &&
        Number(instant[6] ?? 0) <= 59 &&
        Number(instant[8] ?? 0) <= 23 &&
        Number(instant[9] ?? 0) <= 59
      if (!valid) {
        ctx.addIssue({
          code: "custom",
          message: `${field}: "${shown}" is neither a day (YYYY-MM-DD) nor a date and time with its zone (ISO 8601, e.g. 2026-11-24T08:00:00Z or 2026-11-24T09:00:00+01:00)`,
        })
        return value
      }
      return new Date(value)
    })

/** A period (default: the last 30 days), its zone, up to two dimensions, and the output format. */
export const AdminAnalyticsParams = z
  .object({
    from: bound("from").optional(),
    to: bound("to").optional(),
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
