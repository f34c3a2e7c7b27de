import { renderForRecipient, type PreparedVariant, type RenderContext } from "../campaigns"
import { composeMessage, plannedChannel, type ComposeInput, type ComposeSettings } from "../messages"

const settings: ComposeSettings = {
  smartEncoding: true,
  optOutText: { en: "Reply STOP to opt out", fr: "STOP au 36180" },
  maxVariableLength: 200,
  trackingBaseUrl: "https://shop.example.com",
  trackableHosts: ["shop.example.com"],
  rcs: { available: true, automatic: false },
  pricing: { currency: "EUR", sms: { FR: 0.05, default: 0.08 }, rcs: { default: 0.03 } },
}

const input = (overrides: Partial<ComposeInput> = {}): ComposeInput => ({
  text: "{{store_name}}: {{first_name}}, “-20%” this week https://shop.example.com/sale",
  rcs: null,
  variables: { store_name: "Maison", first_name: "Gaëlle" },
  purpose: "marketing",
  locale: "fr-FR",
  country: "FR",
  utm: { medium: "campaign", campaign: "smscamp_1" },
  label: { filledIn: "the text, filled in,", withLinks: "the text, with its tracked links," },
  ...overrides,
})

describe("composeMessage: the one way a text is made", () => {
  it("fills in, adds the opt-out mention, smart-encodes, shortens links, counts and prices once", () => {
    const composed = composeMessage(input(), settings)
    expect(composed.body).toMatch(/^Maison: Gaëlle, "-20%" this week https:\/\/shop\.example\.com\/r\/[A-Za-z0-9]{10}\nSTOP au 36180$/)
    expect(composed.links).toEqual([
      { code: expect.any(String), channel: "sms", target_url: "https://shop.example.com/sale?utm_source=sms&utm_medium=campaign&utm_campaign=smscamp_1" },
    ])
    // ë keeps UCS-2 (accents are spelling, not typography): priced as the segments of the text sent
    expect(composed).toMatchObject({ channel: "sms", encoding: "UCS-2", segments: 2, cost: { amount: 0.1, currency_code: "EUR" }, problem: null })
  })

  it("counts the segments at the short links' length, not the written URLs'", () => {
    const longUrl = `https://shop.example.com/${"x".repeat(200)}`
    const composed = composeMessage(input({ text: `Sale ${longUrl}`, purpose: "transactional" }), settings)
    expect(composed.body.length).toBeLessThan(60)
    expect(composed.segments).toBe(1)
  })

  it("gives a campaign recipient the same text as a single send of the same template and values", () => {
    const variant: PreparedVariant = { id: "a", template_key: "campaign", sms_body: input().text, rcs_payload: null }
    const context: RenderContext = {
      campaign_id: "smscamp_1", locale: "fr-FR", common: { store_name: "Maison" }, optOutText: settings.optOutText,
      smartEncoding: true, trackingBaseUrl: settings.trackingBaseUrl, trackableHosts: settings.trackableHosts,
      maxVariableLength: 200, rcsChannel: true, pricing: settings.pricing,
    }
    const campaign = renderForRecipient(variant, { first_name: "Gaëlle", last_name: null, country: "FR" }, context)
    const single = composeMessage(input(), settings)
    const withoutCodes = (body: string) => body.replace(/\/r\/[A-Za-z0-9]+/g, "/r/CODE")
    expect(withoutCodes(campaign.body)).toBe(withoutCodes(single.body))
    expect({ ...campaign, body: null, links: null }).toEqual({ ...single, body: null, links: null })
  })

  it("plans RCS only when there is a variant and a gateway, and the caller or the routing asks for it", () => {
    expect(plannedChannel(undefined, true, { available: true, automatic: true })).toBe("rcs")
    expect(plannedChannel(undefined, true, { available: true, automatic: false })).toBe("sms")
    expect(plannedChannel("rcs", true, { available: true, automatic: false })).toBe("rcs")
    expect(plannedChannel("rcs", false, { available: true, automatic: true })).toBe("sms")
    expect(plannedChannel("rcs", true, { available: false, automatic: false })).toBe("sms")
    expect(plannedChannel("sms", true, { available: true, automatic: true })).toBe("sms")
    const card = { type: "card", card: { title: "Hi {{first_name}}", description: "d", suggestions: [] } } as any
    const rcs = composeMessage(input({ rcs: card, channel: "rcs" }), settings)
    expect(rcs).toMatchObject({ channel: "rcs", cost: { amount: 0.03 }, rich_payload: { card: { title: "Hi Gaëlle" } } })
  })

  it("refuses a text too long once filled in, or once its links are in, naming which", () => {
    const filled = composeMessage(input({ variables: { store_name: "M", first_name: "B".repeat(1700) } }), { ...settings, maxVariableLength: 5000 })
    expect(filled).toMatchObject({ segments: 0, links: [], cost: undefined, rich_payload: null })
    expect(filled.problem).toMatch(/^text_too_long: the text, filled in, is 1,7\d\d characters long/)
    const urls = Array.from({ length: 45 }, (_, i) => `https://shop.example.com/${i}`).join(" ")
    const linked = composeMessage(input({ text: urls, purpose: "transactional" }), settings)
    expect(linked.problem).toMatch(/^text_too_long: the text, with its tracked links, is/)
  })
})
