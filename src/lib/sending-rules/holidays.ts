/**
 * Public holidays, by country, for the quiet-hour rules that exclude them (France: no marketing texts on
 * Sundays and public holidays). Computed, not listed, so they never run out.
 */

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return { month, day }
}

function shift(year: number, month: number, day: number, days: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + days))
  return `${date.getUTCMonth() + 1}-${date.getUTCDate()}`
}

/** French public holidays (jours fériés, metropolitan France) of a year, as "M-D" keys. */
export function frenchHolidays(year: number): Set<string> {
  const easter = easterSunday(year)
  return new Set([
    "1-1", // Jour de l'an
    shift(year, easter.month, easter.day, 1), // Lundi de Pâques
    "5-1", // Fête du Travail
    "5-8", // Victoire 1945
    shift(year, easter.month, easter.day, 39), // Ascension
    shift(year, easter.month, easter.day, 50), // Lundi de Pentecôte
    "7-14", // Fête nationale
    "8-15", // Assomption
    "11-1", // Toussaint
    "11-11", // Armistice
    "12-25", // Noël
  ])
}

export const HOLIDAY_CALENDARS = { FR: frenchHolidays } as const
export type HolidayCalendar = keyof typeof HOLIDAY_CALENDARS

export function isHoliday(calendar: HolidayCalendar, year: number, month: number, day: number): boolean {
  return HOLIDAY_CALENDARS[calendar](year).has(`${month}-${day}`)
}
