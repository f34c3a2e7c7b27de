import { DEFAULT_BUSINESS_DAYS, expectedReply, formatOpening } from "../conversations/business-hours"
import { applyDecision, type ChosenAnswer } from "../../workflows/conversations/steps/choose-answer"

/**
 * Review of issue 18 (hostile tester): failing tests for defects found in the conversation rules.
 */
describe("review: when a person answers, across a daylight-saving change", () => {
  const paris = { timeZone: "Europe/Paris", days: DEFAULT_BUSINESS_DAYS }

  it("tells a shopper who writes on Saturday evening before the spring change that we open Monday 09:00", () => {
    // Saturday 2027-03-27 20:00 in Paris (CET, 19:00 UTC); clocks go forward on Sunday 28 March
    const expected = expectedReply(new Date("2027-03-27T19:00:00Z"), paris)
    expect(expected.open_now).toBe(false)
    const opensAt = (expected as { opens_at: Date }).opens_at
    // Monday 2027-03-29 09:00 CEST is 07:00 UTC
    expect(formatOpening(opensAt, "en", "Europe/Paris")).toBe("Monday 09:00")
    expect(opensAt.toISOString()).toBe("2027-03-29T07:00:00.000Z")
  })

  it("tells a shopper who writes on Saturday evening before the autumn change that we open Monday 09:00", () => {
    // Saturday 2026-10-24 20:00 in Paris (CEST, 18:00 UTC); clocks go back on Sunday 25 October
    const expected = expectedReply(new Date("2026-10-24T18:00:00Z"), paris)
    const opensAt = (expected as { opens_at: Date }).opens_at
    expect(formatOpening(opensAt, "fr", "Europe/Paris")).toBe("lundi 09:00")
  })
})

describe("review: a store's assistant's answer goes as written", () => {
  it("is not filled in as a template: the shopper's own words may hold braces", () => {
    const chosen = {
      intent: "unknown", locale: "en", answer: null, handoff: false, blocked: null,
      context: { conversation_id: "c", phone: "+33612345678", customer_id: null, channel: "sms", text: "assistant {{#x}}", postback: null, locale: "en", intent: "unknown", proposed: null },
    } as unknown as ChosenAnswer
    const decided = applyDecision(chosen, { answer: { body: 'you said "assistant {{#x}}"' } })
    expect(decided.answer).toMatchObject({ template_key: "conversation_custom", literal: true })
  })
})
