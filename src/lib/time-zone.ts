/** Whether Intl knows the IANA zone (options, the campaign schedule). */
export const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return true
  } catch {
    return false
  }
}
