import { nextDay, startOfDayIn } from "../zoned-day"

describe("startOfDayIn: the instant a day starts in the store's zone", () => {
  it.each([
    ["2026-12-01", "Europe/Paris", "2026-11-30T23:00:00.000Z"], // winter, UTC+1
    ["2026-07-01", "Europe/Paris", "2026-06-30T22:00:00.000Z"], // summer, UTC+2
    ["2026-03-29", "Europe/Paris", "2026-03-28T23:00:00.000Z"], // the day clocks go forward (at 02:00, after midnight)
    ["2026-10-25", "Europe/Paris", "2026-10-24T22:00:00.000Z"], // the day clocks go back
    ["2026-12-01", "America/New_York", "2026-12-01T05:00:00.000Z"],
    ["2026-12-01", "Asia/Kolkata", "2026-11-30T18:30:00.000Z"],
    ["2026-12-01", "UTC", "2026-12-01T00:00:00.000Z"],
    // daylight saving starts AT midnight: 00:00 does not exist, the day starts at 01:00 (the new offset)
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"], // 00:00 UTC-4 becomes 01:00 UTC-3
    ["2026-03-08", "America/Havana", "2026-03-08T05:00:00.000Z"], // 00:00 UTC-5 becomes 01:00 UTC-4
    ["2026-09-07", "America/Santiago", "2026-09-07T03:00:00.000Z"], // the day after, a plain midnight
    ["2026-04-05", "America/Santiago", "2026-04-05T04:00:00.000Z"], // clocks went back at 24:00 the evening before (UTC-3 to UTC-4)
  ])("%s in %s starts at %s", (day, zone, expected) => {
    expect(startOfDayIn(day, zone)).toBe(expected)
  })

  it("refuses what is not a day", () => {
    expect(startOfDayIn("1 Dec", "Europe/Paris")).toBeNull()
  })

  it("gives the next day across months and years", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01")
    expect(nextDay("2028-02-28")).toBe("2028-02-29")
  })
})
