import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { expectedReply, formatOpening } from "../conversations/business-hours"
import { DEFAULT_FAQ } from "../conversations/faq"
import { classifyInbound, type FaqCandidate } from "../conversations/intents"
import { orderAnswer, type AnsweredOrder } from "../conversations/order-answer"
import { loadResponder } from "../conversations/responder"
import { applyDecision, type ChosenAnswer } from "../../workflows/conversations/steps/choose-answer"

const filled: FaqCandidate = { id: "faq_1", locale: "en", keywords: ["gift card"], postbacks: ["faq_gift"], answer: "Gift cards from 10 to 200 EUR.", enabled: true }
const unfilled: FaqCandidate[] = DEFAULT_FAQ.map((f, i) => ({ id: `faq_d${i}`, locale: f.locale, keywords: f.keywords, postbacks: f.postbacks, answer: f.answer, enabled: true }))
const join = { en: "JOIN", fr: "OUI" }

describe("what a shopper's text asks", () => {
  it.each([
    ["Where is my order?", null, "order_status", "en"],
    ["where's my order", null, "order_status", "en"],
    ["TRACKING", null, "order_status", "en"],
    ["Où est ma commande ?", null, "order_status", "fr"],
    ["ou en est ma commande", null, "order_status", "fr"],
    ["suivi", null, "order_status", "fr"],
    ["Track my order", "track_order", "order_status", null],
    ["I want a human", null, "human", "en"],
    ["can I speak to someone", null, "human", "en"],
    ["un conseiller svp", null, "human", "fr"],
    ["Talk to a person", "talk_to_human", "human", null],
    ["JOIN", null, "join", "en"],
    [" oui ", null, "join", "fr"],
    ["I want to join", null, "unknown", null],
    ["do you sell gift cards?", null, "faq", "en"],
    ["gift", "faq_gift", "faq", "en"],
    ["how long is delivery", null, "unknown", "en"],
    ["hello", null, "unknown", null],
    ["", null, "unknown", null],
  ])("%j (postback %j) → %s", (body, postback, kind, locale) => {
    const intent = classifyInbound({ body, postback, faq: [filled, ...unfilled], joinKeywords: join })
    expect(intent.kind).toBe(kind)
    expect(intent.locale).toBe(locale)
  })

  it("asks for a person before the order (\"a human about my order\"), and reads no join keyword when text-to-join is off", () => {
    expect(classifyInbound({ body: "I need a human about my order tracking", faq: [], joinKeywords: null }).kind).toBe("human")
    expect(classifyInbound({ body: "JOIN", faq: [], joinKeywords: null }).kind).toBe("unknown")
  })

  it("says why an FAQ entry still to fill is not answered, and skips a disabled one", () => {
    expect(classifyInbound({ body: "returns?", faq: unfilled, joinKeywords: null })).toEqual({ kind: "unknown", locale: "en", reason: "faq_not_filled" })
    expect(classifyInbound({ body: "gift card", faq: [{ ...filled, enabled: false }], joinKeywords: null }).kind).toBe("unknown")
  })

  it("reads a 100 KB text in one bounded pass", () => {
    const intent = classifyInbound({ body: "a ".repeat(50_000) + "where is my order", faq: unfilled, joinKeywords: join })
    // the rules read the first 1,000 characters: a question that long is not a question
    expect(intent.kind).toBe("unknown")
  })
})

describe("the order-status answer", () => {
  const order = (over: Partial<AnsweredOrder>): AnsweredOrder => ({ id: "order_1", display_id: 1042, status: "pending", fulfillment_status: "not_fulfilled", tracking: [], ...over })

  it("says nothing of any order when the phone has none", () => {
    expect(orderAnswer([], "en", false)).toMatchObject({ template_key: "conversation_no_order", variables: {}, order_id: null })
  })

  it("gives the one open order's status and tracking, in the shopper's language", () => {
    const shipped = order({ fulfillment_status: "shipped", tracking: [{ number: "6A1", url: null }, { number: "6A2", url: "https://t.example.com/6A2" }] })
    expect(orderAnswer([shipped, order({ id: "order_0", display_id: 1000, fulfillment_status: "delivered" })], "fr", true)).toEqual({
      template_key: "conversation_order_status",
      variables: { order_display_id: "1042", order_status: "en route", tracking_url: "https://t.example.com/6A2", tracking_number: "6A2" },
      rcs_payload: null,
      order_id: "order_1",
    })
  })

  it("gives the latest order when none is open", () => {
    const answer = orderAnswer([order({ fulfillment_status: "delivered" }), order({ id: "order_0", status: "canceled" })], "en", false)
    expect(answer.variables).toMatchObject({ order_display_id: "1042", order_status: "delivered" })
  })

  it("lists several open orders (five at most), as an RCS carousel where RCS is on", () => {
    const orders = Array.from({ length: 7 }, (_, i) => order({ id: `order_${i}`, display_id: 2000 + i, tracking: i === 0 ? [{ number: null, url: "https://t.example.com/x" }] : [] }))
    const sms = orderAnswer(orders, "en", false)
    expect(sms.template_key).toBe("conversation_order_list")
    expect(sms.variables.orders_count).toBe(7)
    expect(String(sms.variables.orders_list).split("; ")).toEqual([
      "#2000 being prepared https://t.example.com/x",
      "#2001 being prepared",
      "#2002 being prepared",
      "#2003 being prepared",
      "#2004 being prepared",
    ])
    expect(sms.rcs_payload).toBeNull()
    const rcs = orderAnswer(orders, "en", true).rcs_payload as any
    expect(rcs.type).toBe("carousel")
    expect(rcs.cards).toHaveLength(5)
    expect(rcs.cards[0]).toMatchObject({ title: "Order #2000", suggestions: [{ type: "open_url", url: "https://t.example.com/x" }] })
    expect(rcs.cards[1].suggestions).toBeUndefined()
  })
})

describe("when a person answers", () => {
  const weekdays = { timeZone: "Europe/Paris", days: { 1: { open: "09:00", close: "18:00" }, 5: { open: "09:00", close: "18:00" } } }

  it("is now during opening hours, else the next opening in the store's zone", () => {
    // Monday 2026-12-07 10:00 in Paris (09:00 UTC)
    expect(expectedReply(new Date("2026-12-07T09:00:00Z"), weekdays)).toEqual({ open_now: true })
    const friday = expectedReply(new Date("2026-12-07T18:30:00Z"), weekdays)
    expect(friday).toEqual({ open_now: false, opens_at: new Date("2026-12-11T08:00:00Z") })
    expect(formatOpening((friday as { opens_at: Date }).opens_at, "fr", "Europe/Paris")).toBe("vendredi 09:00")
    // a week without opening hours answers "now" rather than never
    expect(expectedReply(new Date(), { timeZone: "UTC", days: {} })).toEqual({ open_now: true })
  })
})

describe("a store's answering code", () => {
  const chosen: ChosenAnswer = {
    intent: "order_status",
    locale: "en",
    answer: { template_key: "conversation_no_order", variables: {}, body: null, rcs_payload: null, order_id: null, consent_reply: null },
    handoff: false,
    blocked: null,
    context: {} as ChosenAnswer["context"],
  }

  it("replaces, removes or keeps the plugin's answer, and may hand off", () => {
    expect(applyDecision(chosen, undefined)).toBe(chosen)
    expect(applyDecision(chosen, { answer: { body: "Mine" } }).answer).toMatchObject({ template_key: "conversation_custom", body: "Mine" })
    expect(applyDecision(chosen, { answer: null }).answer).toBeNull()
    expect(applyDecision(chosen, { handoff: true })).toMatchObject({ handoff: true, answer: chosen.answer })
  })

  it("never sends where the rules forbid an answer (STOP ALL, the loop guard)", () => {
    const blocked = { ...chosen, answer: null, blocked: "loop_guard" as const }
    expect(applyDecision(blocked, { answer: { body: "ping" }, handoff: true })).toMatchObject({ answer: null, handoff: true })
  })

  it("loads the responder module the option names, relative to the app, and refuses one without a function", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "responder-"))
    fs.writeFileSync(path.join(dir, "assistant.js"), "exports.answer = (c) => ({ answer: { body: 'echo ' + c.text } })")
    fs.writeFileSync(path.join(dir, "empty.js"), "module.exports = { nothing: 1 }")
    expect(loadResponder("./assistant.js", dir)({ text: "hi" } as never)).toEqual({ answer: { body: "echo hi" } })
    expect(() => loadResponder("./empty.js", dir)).toThrow(/exports no answer\(context\) function/)
  })
})
