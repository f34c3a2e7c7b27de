import { ArrowDownTray } from "@medusajs/icons"
import { Button, Select, toast } from "@medusajs/ui"
import { useState } from "react"
import { downloadAnalyticsCsv, periodProblem, type AnalyticsPeriod } from "../../lib/analytics"

/** The groupings the page shows, each downloadable as the API's CSV. */
export const CSV_GROUPINGS = [
  { value: "channel", label: "by channel" },
  { value: "day,channel", label: "by day and channel" },
  { value: "template", label: "by template" },
  { value: "automation", label: "by automation" },
  { value: "campaign", label: "by campaign" },
  { value: "campaign,channel", label: "by campaign and channel" },
] as const

/**
 * "Download CSV": the period on screen, grouped as picked, as the API writes it (`format=csv`), saved as a
 * file. Failures are said in a toast rather than a broken download.
 */
export const AnalyticsCsvButton = ({ period }: { period: AnalyticsPeriod }) => {
  const [groupBy, setGroupBy] = useState<string>("channel")
  const [busy, setBusy] = useState(false)
  const invalid = !!periodProblem(period)

  const download = async () => {
    setBusy(true)
    try {
      const { filename } = await downloadAnalyticsCsv(period, groupBy)
      toast.success(`${filename} downloaded`)
    } catch (error) {
      toast.error(`The CSV could not be downloaded: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex items-center gap-x-2" data-testid="analytics-csv">
      <div style={{ width: 200 }}>
        <Select size="small" value={groupBy} onValueChange={setGroupBy}>
          <Select.Trigger data-testid="analytics-csv-grouping" aria-label="CSV rows">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {CSV_GROUPINGS.map((g) => (
              <Select.Item key={g.value} value={g.value}>
                {g.label}
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
        Download CSV
      </Button>
    </div>
  )
}
