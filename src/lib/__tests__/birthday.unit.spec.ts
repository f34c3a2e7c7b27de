import { birthdayDue, parseBirthday } from "../birthday"

describe("a shopper's birthday", () => {
  it.each([
    ["1990-04-23", { year: 1990, month: 4, day: 23 }],
    ["04-23", { year: null, month: 4, day: 23 }],
    ["02-29", { year: null, month: 2, day: 29 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    ["1999-02-29", null],
    ["04-31", null],
    ["13-01", null],
    ["1850-01-01", null],
    ["23/04/1990", null],
    [19900423, null],
  ])("%j → %j", (text, parsed) => {
    expect(parseBirthday(text)).toEqual(parsed)
  })

  const paris = "Europe/Paris"
  const bday = parseBirthday("1990-04-23")!

  it("is due on the day from 10:00 in the recipient's zone, not before", () => {
    expect(birthdayDue(bday, new Date("2027-04-23T07:59:00Z"), paris)).toEqual({ due: false, year: 2027 }) // 09:59 Paris
    expect(birthdayDue(bday, new Date("2027-04-23T08:00:00Z"), paris)).toEqual({ due: true, year: 2027 })
    expect(birthdayDue(bday, new Date("2027-04-23T23:30:00Z"), paris).due).toBe(false) // already the 24th in Paris
    expect(birthdayDue(bday, new Date("2027-04-23T23:30:00Z"), "America/New_York").due).toBe(true) // 19:30 on the 23rd
  })

  it("can be a few days before, across a new year", () => {
    const newYear = parseBirthday("01-02")!
    expect(birthdayDue(newYear, new Date("2026-12-30T12:00:00Z"), paris, { daysBefore: 3 })).toEqual({ due: true, year: 2027 })
    expect(birthdayDue(newYear, new Date("2026-12-31T12:00:00Z"), paris, { daysBefore: 3 }).due).toBe(false)
  })

  it("celebrates 29 February on the 28th in other years, and on the 29th in leap years", () => {
    const leap = parseBirthday("02-29")!
    expect(birthdayDue(leap, new Date("2027-02-28T12:00:00Z"), paris).due).toBe(true)
    expect(birthdayDue(leap, new Date("2028-02-28T12:00:00Z"), paris).due).toBe(false)
    expect(birthdayDue(leap, new Date("2028-02-29T12:00:00Z"), paris).due).toBe(true)
  })
})
