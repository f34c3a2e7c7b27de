import { ArrowDownTray } from "@medusajs/icons"
import { Button, Select, toast } from "@medusajs/ui"
import { useState } from "react"
import { downloadAnalyticsCsv, periodProblem, type AnalyticsPeriod } from "../../lib/analytics"
import { useT } from "../../lib/i18n"

/** The groupings the page shows, each downloadable as the API's CSV (label: `analytics.csv.groupings.*`). */
export const CSV_GROUPINGS = [
  { value: "channel", label: "channel" },
  { value: "day,channel", label: "dayChannel" },
  { value: "template", label: "template" },
  { value: "automation", label: "automation" },
  { value: "campaign", label: "campaign" },
  { value: "campaign,channel", label: "campaignChannel" },
] as const

/**
 * "Download CSV": the period on screen, grouped as picked, as the API writes it (`format=csv`: raw numbers,
 * each header with its unit), saved as a file. Failures are said in a toast rather than a broken download.
 */
export const AnalyticsCsvButton = ({ period }: { period: AnalyticsPeriod }) => {
  const { t } = useT()
  const [groupBy, setGroupBy] = useState<string>("channel")
  const [busy, setBusy] = useState(false)
  const invalid = !!periodProblem(period)

  const download = async () => {
    setBusy(true)
    try {
      const { filename } = await downloadAnalyticsCsv(period, groupBy)
      toast.success(t("analytics.csv.downloaded", { filename }))
    } catch (error) {
      toast.error(t("analytics.csv.failed", { error: (error as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex items-center gap-x-2" data-testid="analytics-csv">
      <div style={{ width: 220 }}>
        <Select size="small" value={groupBy} onValueChange={setGroupBy}>
          <Select.Trigger data-testid="analytics-csv-grouping" aria-label={t("analytics.csv.rowsLabel")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {CSV_GROUPINGS.map((g) => (
              <Select.Item key={g.value} value={g.value}>
                {t(`analytics.csv.groupings.${g.label}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Button
        size="small"
        variant="secondary"
        type="button"
        onClick={download}
        isLoading={busy}
        disabled={invalid}
        data-testid="analytics-download-csv"
        data-group-by={groupBy}
      >
        <ArrowDownTray />
        {t("analytics.csv.download")}
      </Button>
    </div>
  )
}
