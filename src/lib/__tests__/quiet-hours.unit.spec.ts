import { easterSunday, frenchHolidays } from "../sending-rules/holidays"
import { atLocalTime, localTime } from "../sending-rules/local-time"
import { DEFAULT_MARKETING_RULES as R, nextAllowedTime, ruleFor, ruleRegionOf } from "../sending-rules/quiet-hours"
import { timeZonesFor } from "../sending-rules/time-zones"

const PARIS = "Europe/Paris"
const NEW_YORK = "America/New_York"
const at = (iso: string) => new Date(iso)

describe("local time", () => {
  it("reads the wall clock of a zone", () => {
    expect(localTime(at("2026-07-14T06:30:00Z"), PARIS)).toMatchObject({ hour: 8, minute: 30, weekday: 2, day: 14 })
  })

  it("finds the instant of a wall-clock time across DST changes", () => {
    expect(atLocalTime(2026, 3, 29, 8, 0, PARIS).toISOString()).toBe("2026-03-29T06:00:00.000Z") // CEST, the day DST starts
    expect(atLocalTime(2026, 3, 28, 8, 0, PARIS).toISOString()).toBe("2026-03-28T07:00:00.000Z") // CET, the day before
    expect(atLocalTime(2026, 11, 1, 8, 0, NEW_YORK).toISOString()).toBe("2026-11-01T13:00:00.000Z") // EST, DST ended at 2am
    expect(atLocalTime(2026, 3, 8, 2, 30, NEW_YORK).toISOString()).toBe("2026-03-08T07:30:00.000Z") // 2:30 does not exist → 3:30 EDT
  })
})

describe("French public holidays", () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])("Easter %i is on %i/%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day })
  })

  it("includes the movable and fixed holidays of 2026", () => {
    expect([...frenchHolidays(2026)].sort()).toEqual(
      ["1-1", "4-6", "5-1", "5-8", "5-14", "5-25", "7-14", "8-15", "11-1", "11-11", "12-25"].sort()
    )
  })
})

describe("nextAllowedTime", () => {
  const us = R.US.window
  const fl = R["US-FL"].window
  const fr = R.FR.window

  it.each([
    // US 08:00–21:00, New York (EST in January: UTC-5)
    ["2026-01-15T12:59:00Z", "2026-01-15T13:00:00.000Z"], // 07:59 → 08:00
    ["2026-01-15T13:00:00Z", "2026-01-15T13:00:00.000Z"], // 08:00 is allowed
    ["2026-01-16T01:59:00Z", "2026-01-16T01:59:00.000Z"], // 20:59 is allowed
    ["2026-01-16T02:00:00Z", "2026-01-16T13:00:00.000Z"], // 21:00 → 08:00 next day
    ["2026-01-16T08:00:00Z", "2026-01-16T13:00:00.000Z"], // 03:00 → 08:00 same day
  ])("US: %s → %s", (from, expected) => {
    expect(nextAllowedTime(at(from), us, [NEW_YORK]).toISOString()).toBe(expected)
  })

  it("Florida closes an hour earlier", () => {
    expect(nextAllowedTime(at("2026-01-16T00:59:00Z"), fl, [NEW_YORK]).toISOString()).toBe("2026-01-16T00:59:00.000Z") // 19:59
    expect(nextAllowedTime(at("2026-01-16T01:00:00Z"), fl, [NEW_YORK]).toISOString()).toBe("2026-01-16T13:00:00.000Z") // 20:00
  })

  it("follows the DST change: 08:00 local is a different UTC hour after the clocks move", () => {
    // Saturday 7 March 2026 22:00 EST → Sunday 8 March 08:00 EDT (12:00 UTC, not 13:00)
    expect(nextAllowedTime(at("2026-03-08T03:00:00Z"), us, [NEW_YORK]).toISOString()).toBe("2026-03-08T12:00:00.000Z")
    // France, Saturday 28 March 2026 20:30 CET → Monday 30 March 08:00 CEST (Sunday is closed; DST started Sunday)
    expect(nextAllowedTime(at("2026-03-28T19:30:00Z"), fr, [PARIS]).toISOString()).toBe("2026-03-30T06:00:00.000Z")
  })

  it.each([
    ["2026-04-03T05:59:00Z", "2026-04-03T06:00:00.000Z"], // Friday 07:59 → 08:00
    ["2026-04-03T17:59:00Z", "2026-04-03T17:59:00.000Z"], // Friday 19:59 allowed
    ["2026-04-03T18:00:00Z", "2026-04-04T06:00:00.000Z"], // Friday 20:00 → Saturday 08:00
    ["2026-04-04T18:00:00Z", "2026-04-07T06:00:00.000Z"], // Saturday 20:00 → not Sunday, not Easter Monday → Tuesday
    ["2026-07-14T09:00:00Z", "2026-07-15T06:00:00.000Z"], // Bastille Day 11:00 → next day 08:00
    ["2026-12-24T19:00:00Z", "2026-12-26T07:00:00.000Z"], // Christmas Eve 20:00 → not Christmas → Saturday 26th 08:00 CET
  ])("France: %s → %s", (from, expected) => {
    expect(nextAllowedTime(at(from), fr, [PARIS]).toISOString()).toBe(expected)
  })

  it("fits every possible zone of a number whose zone is uncertain", () => {
    // 12:30 UTC is 07:30 in New York and 04:30 in Los Angeles: wait for 08:00 in Los Angeles (16:00 UTC)
    expect(nextAllowedTime(at("2026-01-15T12:30:00Z"), us, [NEW_YORK, "America/Los_Angeles"]).toISOString()).toBe(
      "2026-01-15T16:00:00.000Z"
    )
  })
})

describe("rule regions", () => {
  it("treats a Florida area code or a Florida address as Florida", () => {
    expect(ruleRegionOf("+13055550123", "US")).toBe("US-FL")
    expect(ruleRegionOf("+12125550123", "US", "FL")).toBe("US-FL")
    expect(ruleRegionOf("+12125550123", "US", "us-fl")).toBe("US-FL")
    expect(ruleRegionOf("+12125550123", "US", "NY")).toBe("US")
    expect(ruleRegionOf("+33612345678", "FR")).toBe("FR")
    expect(ruleRegionOf("+33612345678", null)).toBeNull()
  })

  it("falls back to the default rule for regions without one", () => {
    expect(ruleFor("GB", R)).toBe(R.default)
    expect(ruleFor(null, R)).toBe(R.default)
    expect(ruleFor("US-FL", R)).toBe(R["US-FL"])
    const { "US-FL": _, ...withoutFlorida } = R
    expect(ruleFor("US-FL", withoutFlorida)).toBe(R.US)
  })
})

describe("timeZonesFor", () => {
  it("uses the state or province where a country spans several zones", () => {
    expect(timeZonesFor("US", "NY")).toEqual(["America/New_York"])
    expect(timeZonesFor("us", "US-CA")).toEqual(["America/Los_Angeles"])
    expect(timeZonesFor("US", "FL")).toEqual(["America/New_York", "America/Chicago"])
    expect(timeZonesFor("CA", "QC")).toEqual(["America/Toronto"])
  })

  it("returns every zone of the country when the state is unknown, one zone for one-zone countries", () => {
    expect(timeZonesFor("US")).toContain("Pacific/Honolulu")
    expect(timeZonesFor("FR")).toEqual(["Europe/Paris"])
    expect(timeZonesFor("RE")).toEqual(["Indian/Reunion"])
    expect(timeZonesFor("XX")).toBeUndefined()
    expect(timeZonesFor(null)).toBeUndefined()
  })

  it("every zone it names exists", () => {
    for (const country of ["US", "CA", "AU", "BR", "MX", "RU", "FR", "GB", "JP", "NC"]) {
      for (const zone of timeZonesFor(country) ?? []) {
        expect(() => new Intl.DateTimeFormat("en", { timeZone: zone })).not.toThrow()
      }
    }
  })
})
