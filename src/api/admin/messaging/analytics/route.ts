import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { analyticsPeriod } from "../../../../modules/messaging/tracking/analytics-period"
import { analyticsCsv } from "../../../../modules/messaging/tracking/analytics-csv"
import { analyticsCsvFileName } from "../../../../modules/messaging/tracking/analytics-file-name"
import type { AdminAnalyticsParamsType } from "./validators"

/** The zone's canonical name (`europe/paris` → `Europe/Paris`), as PostgreSQL and the admin both know it. */
const canonicalZone = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone

/**
 * GET /admin/messaging/analytics?from=&to=&group_by=channel,day — what messages did in a period: sent,
 * delivered, read, clicks, CTR, orders, conversion, revenue, cost, ROI … per group, with the totals. Days
 * (in `from`/`to` and `group_by=day`) are the store's (`defaultTimeZone`) unless `time_zone` says otherwise;
 * test sends are left out and counted in `test_messages`. `format=csv` downloads the same rows.
 * `offer_codes` (JSON only): single-use codes issued in the period and redeemed, per automation and campaign.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const params = req.validatedQuery as unknown as AdminAnalyticsParamsType
  const timeZone = canonicalZone(params.time_zone ?? messaging.getOptions().defaultTimeZone)
  const { from, to } = analyticsPeriod(params, timeZone)
  const report = await messaging.analytics({
    from,
    to,
    time_zone: timeZone,
    group_by: params.group_by,
    currency: params.currency,
    campaign_id: params.campaign_id,
  })
  if (params.format === "csv") {
    const name = analyticsCsvFileName(params.group_by, params, { from, to }, timeZone)
    res.setHeader("Content-Disposition", `attachment; filename="${name}"`)
    res.type("text/csv").send(analyticsCsv(params.group_by, report))
    return
  }
  const offerCodes = await messaging.offers.redemptions(from, to)
  res.json({ from, to, group_by: params.group_by, ...report, offer_codes: offerCodes })
}
