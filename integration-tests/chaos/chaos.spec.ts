import { runScenario, SCENARIOS } from "../../bench/lib/chaos-scenarios"

// `npm run chaos` at a smaller size: every message reaches the (fake) provider exactly once and ends
// delivered, whatever breaks on the way.
jest.setTimeout(300_000)

describe("chaos", () => {
  it.each(SCENARIOS)("%s: no message lost, none sent twice", async (scenario) => {
    const result = await runScenario(scenario, 200)
    expect(result).toEqual({ scenario, messages: 200, delivered: 200, lost: 0, duplicates: 0 })
  })
})
