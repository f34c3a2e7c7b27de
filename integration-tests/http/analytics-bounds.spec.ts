import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../helpers/admin-user"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-analytics-bounds")
// a Paris shop: its November starts at 23:00Z on 31 October
process.env.SMS_RCS_DEFAULT_TIME_ZONE = "Europe/Paris"
jest.setTimeout(240_000)

/**
 * The ends of an analytics period as an API client writes them: a day that exists, or an instant whose zone is
 * written out; anything else is a 400 that names the field. A CSV download is named by the days asked.
 */
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      const { email, password } = await createAdminUser(getContainer())
      const { data } = await api.post("/auth/user/emailpass", { email, password })
      admin = { headers: { authorization: `Bearer ${data.token}` } }
    })

    const get = (query: string) => api.get(`/admin/messaging/analytics?${query}`, admin).catch((e: any) => e.response)

    it("refuses what Date would guess (numbers, zoneless times, days and hours that do not exist) with a 400 naming the field", async () => {
      for (const [query, message] of [
        // Date reads these as 1 January 2000 and 2001
        ["from=0&to=1", /^Invalid request: from: "0" is neither a day \(YYYY-MM-DD\) nor a date and time with its zone/],
        ["to=1", /^Invalid request: to: "1" is neither a day/],
        // read in the server's zone, whatever the store's
        [`from=${encodeURIComponent("2026-11-24 23:30")}`, /^Invalid request: from: "2026-11-24 23:30" is neither a day/],
        ["to=2026-11-24T23:30", /^Invalid request: to: "2026-11-24T23:30" is neither a day/],
        ["from=2026-02-29", /^Invalid request: from: "2026-02-29" is not a calendar day/],
        ["to=2026-13-01", /^Invalid request: to: "2026-13-01" is not a calendar day/],
        ["from=2026-02-30T10:00:00Z", /^Invalid request: from: "2026-02-30T10:00:00Z" is neither a day/],
        ["from=2026-11-24T24:00:00Z", /^Invalid request: from: "2026-11-24T24:00:00Z" is neither a day/],
        [`to=${encodeURIComponent("2026-11-24T10:00:00+25:00")}`, /^Invalid request: to: "2026-11-24T10:00:00\+25:00" is neither a day/],
        ["from=Tue%2C%2024%20Nov%202026%2010%3A00%3A00%20GMT", /^Invalid request: from: "Tue, 24 Nov 2026 10:00:00 GMT" is neither a day/],
      ] as const) {
        const res = await get(query)
        expect({ query, status: res.status }).toEqual({ query, status: 400 })
        expect(res.data.message).toMatch(message)
      }
    })

    it("takes days that exist and instants with Z or an offset, as the instants they are", async () => {
      const leap = await get("from=2028-02-29&to=2028-02-29")
      expect(leap.status).toBe(200)
      expect(leap.data).toMatchObject({ time_zone: "Europe/Paris", from: "2028-02-28T23:00:00.000Z", to: "2028-02-29T23:00:00.000Z" })
      const zoned = await get(`from=2026-11-24T08:00Z&to=${encodeURIComponent("2026-11-25T09:30:15.250+01:00")}`)
      expect(zoned.status).toBe(200)
      expect(zoned.data).toMatchObject({ from: "2026-11-24T08:00:00.000Z", to: "2026-11-25T08:30:15.250Z" })
    })

    it("names a CSV of November in Paris 2026-11-01-to-2026-11-30, not by the UTC date of its first midnight", async () => {
      const november = await get("from=2026-11-01&to=2026-11-30&format=csv&group_by=day")
      expect(november.status).toBe(200)
      expect(november.headers["content-disposition"]).toBe('attachment; filename="sms-rcs-analytics-by-day-2026-11-01-to-2026-11-30.csv"')
      // instants are named by the Paris days they cover, `to` excluded
      const instants = await get("from=2026-10-31T23:00:00Z&to=2026-11-30T23:00:00Z&format=csv")
      expect(instants.headers["content-disposition"]).toBe('attachment; filename="sms-rcs-analytics-by-channel-2026-11-01-to-2026-11-30.csv"')
    })
  },
})
