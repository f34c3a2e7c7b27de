import { MAX_REPORT_PERIOD_DAYS, periodProblem } from "../report-period"

describe("periodProblem", () => {
  const day = 86_400_000
  const to = new Date("2026-12-01T00:00:00Z")

  it("accepts up to 400 days and refuses longer periods, saying how long they are", () => {
    expect(MAX_REPORT_PERIOD_DAYS).toBe(400)
    expect(periodProblem(new Date(to.getTime() - 400 * day), to)).toBeNull()
    expect(periodProblem(new Date(to.getTime() - 401 * day), to)).toBe(
      "the period is at most 400 days (this one is 401): ask for it in parts"
    )
  })

  it("refuses a period that ends before it starts", () => {
    expect(periodProblem(to, to)).toBe('"from" must be before "to"')
  })
})
