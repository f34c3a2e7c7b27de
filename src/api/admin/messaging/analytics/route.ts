import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { csvCell } from "../../../../lib/csv-cell"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { AdminAnalyticsParamsType } from "./validators"

const METRICS = [
  "sent",
  "delivered",
  "read",
  "clicks",
  "unique_clicks",
  "ctr",
  "orders",
  "conversion_rate",
  "revenue",
  "revenue_per_message",
  "unsubscribes",
  "unsubscribe_rate",
  "segments",
  "cost",
  "roi",
] as const

/**
 * GET /admin/messaging/analytics?from=&to=&group_by=channel,day — what messages did in a period: sent,
 * delivered, read, clicks, CTR, orders, conversion, revenue, cost, ROI … per group, with the totals.
 * `format=csv` downloads the same rows; a text cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is prefixed with a single quote.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const params = req.validatedQuery as unknown as AdminAnalyticsParamsType
  const report = await messaging.analytics({ from: params.from, to: params.to, group_by: params.group_by, currency: params.currency, campaign_id: params.campaign_id })
  if (params.format === "csv") {
    const header = [...params.group_by, ...METRICS, "currency"]
    const line = (row: Record<string, unknown>) =>
      header.map((column) => csvCell(column === "currency" ? report.currency : row[column])).join(",")
    const csv = [header.join(","), ...report.rows.map(line)].join("\n") + "\n"
    res.setHeader("Content-Disposition", `attachment; filename="sms-rcs-analytics-by-${params.group_by.join("-") || "total"}-${params.from.toISOString().slice(0, 10)}-to-${params.to.toISOString().slice(0, 10)}.csv"`)
    res.type("text/csv").send(csv)
    return
  }
  res.json({ from: params.from, to: params.to, group_by: params.group_by, ...report })
}
