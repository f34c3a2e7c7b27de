import { analyticsPeriod } from "../analytics-period"
import { analyticsCsvFileName } from "../analytics-file-name"

const hours = (p: { from: Date; to: Date }) => (p.to.getTime() - p.from.getTime()) / 3_600_000

describe("analyticsPeriod: a day starts at its first instant, also where daylight saving starts at midnight", () => {
  it("starts 6 September 2026 in Santiago when the clock jumps from 00:00 to 01:00 (04:00Z), not at 23:00 the day before", () => {
    const sixth = analyticsPeriod({ from: "2026-09-06", to: "2026-09-06" }, "America/Santiago")
    expect(sixth).toEqual({ from: new Date("2026-09-06T04:00:00.000Z"), to: new Date("2026-09-07T03:00:00.000Z") })
    expect(hours(sixth)).toBe(23)
    // the day before ends where the 6th starts: its hour 23:00–24:00 is its own, 24 hours in all
    const fifth = analyticsPeriod({ from: "2026-09-05", to: "2026-09-05" }, "America/Santiago")
    expect(fifth).toEqual({ from: new Date("2026-09-05T04:00:00.000Z"), to: new Date("2026-09-06T04:00:00.000Z") })
  })

  it("starts 8 March 2026 in Havana at 05:00Z (01:00 CDT), and 7 March ends there", () => {
    const eighth = analyticsPeriod({ from: "2026-03-08", to: "2026-03-08" }, "America/Havana")
    expect(eighth).toEqual({ from: new Date("2026-03-08T05:00:00.000Z"), to: new Date("2026-03-09T04:00:00.000Z") })
    expect(hours(eighth)).toBe(23)
    expect(analyticsPeriod({ from: "2026-03-07", to: "2026-03-07" }, "America/Havana").to).toEqual(new Date("2026-03-08T05:00:00.000Z"))
  })

  it("leaves Paris as it was: the spring change is at 02:00, midnight exists (23 hours on 29 March, 25 on 25 October)", () => {
    const spring = analyticsPeriod({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Paris")
    expect(spring).toEqual({ from: new Date("2026-03-28T23:00:00.000Z"), to: new Date("2026-03-29T22:00:00.000Z") })
    const autumn = analyticsPeriod({ from: "2026-10-25", to: "2026-10-25" }, "Europe/Paris")
    expect(autumn).toEqual({ from: new Date("2026-10-24T22:00:00.000Z"), to: new Date("2026-10-25T23:00:00.000Z") })
    expect(hours(autumn)).toBe(25)
  })

  it("starts the day after Santiago's autumn change (5 April 2026, clocks back from 24:00 to 23:00) at its one midnight", () => {
    expect(analyticsPeriod({ from: "2026-04-05", to: "2026-04-05" }, "America/Santiago").from).toEqual(new Date("2026-04-05T04:00:00.000Z"))
  })
})

describe("analyticsCsvFileName: the days the download covers, as the store sees them", () => {
  it("names days asked as days as asked, November in Paris included", () => {
    const asked = { from: "2026-11-01", to: "2026-11-30" }
    expect(analyticsCsvFileName(["day", "channel"], asked, analyticsPeriod(asked, "Europe/Paris"), "Europe/Paris")).toBe(
      "sms-rcs-analytics-by-day-channel-2026-11-01-to-2026-11-30.csv"
    )
  })

  it("names instants by their day in the report's zone, `to` by the last instant it covers", () => {
    const period = { from: new Date("2026-10-31T23:00:00Z"), to: new Date("2026-11-30T23:00:00Z") }
    expect(analyticsCsvFileName([], period, period, "Europe/Paris")).toBe("sms-rcs-analytics-by-total-2026-11-01-to-2026-11-30.csv")
  })
})
