import { composeMessage, type ComposeInput, type ComposeSettings } from "../../messages"
import type { RcsPayload } from "../../rcs/payload"
import { rcsPayloadSchema } from "../../rcs/payload"
import { recommendationsText } from "../message"

const settings: ComposeSettings = {
  smartEncoding: true,
  optOutText: { en: "Reply STOP to opt out" },
  maxVariableLength: 200,
  trackingBaseUrl: null,
  trackableHosts: [],
  rcs: { available: true, automatic: true },
}
const products = [
  { title: "Canvas tote", url: "https://shop.example.com/products/canvas-tote", image: "https://cdn.example.com/tote.jpg" },
  { title: "Linen trousers {{store_name}}", url: "https://shop.example.com/products/linen-trousers" },
  { title: "A".repeat(120), url: null },
]
const card: RcsPayload = { type: "card", card: { title: "How was order #{{n}}?", suggestions: [{ type: "reply", text: "Great", postback_data: "great" }] } }
const input = (overrides: Partial<ComposeInput> = {}): ComposeInput => ({
  text: "Thanks! {{#recommendations}}Bought with it:\n{{{recommendations}}}{{/recommendations}}",
  rcs: null,
  variables: { n: 7, recommendations: products },
  purpose: "transactional",
  locale: "en",
  country: "FR",
  utm: { medium: "automation", campaign: "review_request" },
  label: { filledIn: "x", withLinks: "y" },
  ...overrides,
})

describe("{{recommendations}} in a message", () => {
  it("is a short list in the text, a title and its link a line, long titles cut, titles never read as templates", () => {
    const composed = composeMessage(input(), settings)
    expect(composed.body).toBe(
      "Thanks! Bought with it:\nCanvas tote - https://shop.example.com/products/canvas-tote\n" +
        "Linen trousers {{store_name}} - https://shop.example.com/products/linen-trousers\n" +
        `${"A".repeat(57)}...`
    )
    expect(recommendationsText([])).toBe("")
  })

  it("leaves the section out when there is nothing to suggest", () => {
    expect(composeMessage(input({ variables: { recommendations: [] } }), settings).body).toBe("Thanks!")
  })

  it("turns the template's RCS card into a carousel: its card, then one per product with its link", () => {
    const composed = composeMessage(input({ rcs: card }), settings)
    expect(composed.channel).toBe("rcs")
    const rich = rcsPayloadSchema.parse(composed.rich_payload)
    expect(rich).toMatchObject({ type: "carousel", cards: [{ title: "How was order #7?" }, { title: "Canvas tote" }, { title: "Linen trousers {{store_name}}" }, {}] })
    if (rich.type !== "carousel") throw new Error("expected a carousel")
    expect(rich.cards[1]).toMatchObject({
      media: { url: "https://cdn.example.com/tote.jpg" },
      suggestions: [{ type: "open_url", text: "See it", url: "https://shop.example.com/products/canvas-tote" }],
    })
    // no link, no button
    expect(rich.cards[3].suggestions).toBeUndefined()
  })

  it("adds no card to a template that does not use the variable, nor when there is nothing to suggest", () => {
    expect(composeMessage(input({ text: "Thanks!", rcs: card }), settings).rich_payload).toMatchObject({ type: "card" })
    expect(composeMessage(input({ rcs: card, variables: { n: 7, recommendations: [] } }), settings).rich_payload).toMatchObject({ type: "card" })
  })
})
