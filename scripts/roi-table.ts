/**
 * The analytics API's rows as a table in the terminal: what each channel and automation earned. ROI as the
 * admin shows it: a signed percentage with at most one decimal, "—" where there is none (no revenue or no cost).
 */
export function formatRoiTable(report: { currency: string | null; cost_currency: string | null; rows: any[]; totals: any }): string {
  const money = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2))
  const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${(n * 100).toFixed(0)}%`)
  const roi = (n: number | null | undefined) =>
    n === null || n === undefined ? "—" : new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(n)
  const header = ["channel", "automation", "sent", "delivered", "clicks", "CTR", "orders", `revenue ${report.currency ?? ""}`, `cost ${report.cost_currency ?? ""}`, "ROI"]
  const rows = [
    ...report.rows.map((r) => [r.channel, r.automation, r.sent, r.delivered, r.clicks, pct(r.ctr), r.orders, money(r.revenue), money(r.cost), roi(r.roi)]),
    ["total", "", report.totals.sent, report.totals.delivered, report.totals.clicks, pct(report.totals.ctr), report.totals.orders, money(report.totals.revenue), money(report.totals.cost), roi(report.totals.roi)],
  ].map((row) => row.map(String))
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => "  " + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(header), "  " + widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}
