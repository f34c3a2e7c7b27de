import { analyticsPeriod } from "../analytics-period"
import { analyticsCsv } from "../analytics-csv"

describe("analyticsPeriod: the instants a report covers", () => {
  it("reads calendar days in the store's zone, the last one included (winter and summer in Paris)", () => {
    expect(analyticsPeriod({ from: "2026-11-25", to: "2026-11-25" }, "Europe/Paris")).toEqual({
      from: new Date("2026-11-24T23:00:00.000Z"),
      to: new Date("2026-11-25T23:00:00.000Z"),
    })
    // October in Paris: summer time at the start, winter time after the 25th
    expect(analyticsPeriod({ from: "2026-10-01", to: "2026-10-31" }, "Europe/Paris")).toEqual({
      from: new Date("2026-09-30T22:00:00.000Z"),
      to: new Date("2026-10-31T23:00:00.000Z"),
    })
    expect(analyticsPeriod({ from: "2026-11-25", to: "2026-11-25" }, "UTC")).toEqual({
      from: new Date("2026-11-25T00:00:00.000Z"),
      to: new Date("2026-11-26T00:00:00.000Z"),
    })
  })

  it("keeps instants as they are and defaults to the 30 days before now", () => {
    const now = new Date("2026-12-02T10:00:00Z")
    expect(analyticsPeriod({}, "Europe/Paris", now)).toEqual({ from: new Date("2026-11-02T10:00:00Z"), to: now })
    const from = new Date("2026-11-24T22:30:00Z")
    expect(analyticsPeriod({ from, to: "2026-11-25" }, "Europe/Paris").from).toBe(from)
  })

  it("refuses a backwards or overlong period with the reason", () => {
    expect(() => analyticsPeriod({ from: "2026-11-26", to: "2026-11-25" }, "UTC")).toThrow('"from" must be before "to"')
    expect(() => analyticsPeriod({ from: "2020-01-01", to: "2025-12-31" }, "UTC")).toThrow(/at most 400 days \(this one is 2192\)/)
  })
})

describe("analyticsCsv: raw numbers, units in the headers", () => {
  const row = {
    day: "2026-11-25", sent: 3, delivered: 2, read: 0, clicks: 1, unique_clicks: 1, orders: 1, revenue: 120.5,
    unsubscribes: 0, segments: 3, cost: 0.135, ctr: 0.5, conversion_rate: 0.5, revenue_per_message: 40.1667,
    unsubscribe_rate: 0, roi: 891.5926,
  }

  it("names the currency, the zone and the percentages, and writes ROI as the page does (a percentage)", () => {
    const csv = analyticsCsv(["day"], { currency: "EUR", cost_currency: "EUR", time_zone: "Europe/Paris", rows: [row, { ...row, day: "2026-11-26", revenue: 0, orders: 0, roi: null }] })
    const [header, first, second] = csv.trim().split("\n")
    expect(header).toBe(
      "day (Europe/Paris),sent,delivered,read,clicks,unique_clicks,ctr (%),orders,conversion_rate (%),revenue (EUR),revenue_per_message (EUR),unsubscribes,unsubscribe_rate (%),segments,cost (EUR),roi (%)"
    )
    expect(first).toBe("2026-11-25,3,2,0,1,1,50,1,50,120.5,40.1667,0,0,3,0.135,89159.26")
    // no revenue: no ROI to speak of, an empty cell
    expect(second.endsWith(",0.135,")).toBe(true)
  })
})
