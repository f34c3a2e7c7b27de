import { countSegments } from "../sms-encoding"
import {
  DEFAULT_WINDOWS,
  findUrls,
  isBotRequest,
  newLinkCode,
  pickLastTouch,
  shortenLinks,
  withUtm,
  type Touch,
} from "../tracking"

describe("tracked links", () => {
  it("makes unguessable base62 codes", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newLinkCode()))
    expect(codes.size).toBe(2000)
    for (const code of codes) expect(code).toMatch(/^[0-9A-Za-z]{10}$/)
  })

  it("finds URLs without the punctuation around them", () => {
    expect(findUrls("See https://a.example.com/x?y=1. Or (http://b.example.com/z), ok!").map((u) => u.url)).toEqual([
      "https://a.example.com/x?y=1",
      "http://b.example.com/z",
    ])
  })

  it("adds UTM parameters and keeps the query and any UTM already there", () => {
    expect(withUtm("https://s.example.com/p?a=1&utm_source=mail", { source: "sms", medium: "automation", campaign: "abandoned_cart" })).toBe(
      "https://s.example.com/p?a=1&utm_source=mail&utm_medium=automation&utm_campaign=abandoned_cart"
    )
  })

  it("shortens every URL of the text and the RCS buttons, one code per URL and channel", () => {
    let n = 0
    const result = shortenLinks({
      body: "Hi! https://s.example.com/a?x=1 and https://s.example.com/b.",
      rcs: {
        type: "card",
        card: { title: "T", suggestions: [{ type: "open_url", text: "Go", url: "https://s.example.com/a?x=1" }] },
        suggestions: [{ type: "reply", text: "No", postback_data: "no" }],
      },
      baseUrl: "https://go.example.com/",
      isTrackable: () => true,
      utm: { medium: "campaign", campaign: "bf" },
      makeCode: () => `CODE${++n}xxxx`,
    })
    expect(result.body).toBe("Hi! https://go.example.com/r/CODE1xxxx and https://go.example.com/r/CODE2xxxx.")
    expect(result.rcs).toEqual({
      type: "card",
      card: { title: "T", suggestions: [{ type: "open_url", text: "Go", url: "https://go.example.com/r/CODE3xxxx" }] },
      suggestions: [{ type: "reply", text: "No", postback_data: "no" }],
    })
    expect(result.links).toEqual([
      { code: "CODE1xxxx", channel: "sms", target_url: "https://s.example.com/a?x=1&utm_source=sms&utm_medium=campaign&utm_campaign=bf" },
      { code: "CODE2xxxx", channel: "sms", target_url: "https://s.example.com/b?utm_source=sms&utm_medium=campaign&utm_campaign=bf" },
      { code: "CODE3xxxx", channel: "rcs", target_url: "https://s.example.com/a?x=1&utm_source=rcs&utm_medium=campaign&utm_campaign=bf" },
    ])
  })

  it("shortens a long link, so the text costs fewer segments", () => {
    const long = `Track: https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901&lang=fr&source=email&x=${"y".repeat(120)}`
    const short = shortenLinks({ body: long, rcs: null, baseUrl: "https://go.example.com", isTrackable: () => true, utm: { medium: "m", campaign: "c" } })
    expect(countSegments(long).segments).toBe(2)
    expect(countSegments(short.body).segments).toBe(1)
  })
})

describe("isBotRequest", () => {
  it.each([
    ["facebookexternalhit/1.1 Facebot Twitterbot/1.0", true],
    ["WhatsApp/2.23.20.0", true],
    ["Slackbot-LinkExpanding 1.0", true],
    ["", true],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1", false],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36", false],
  ])("%s → %s", (ua, bot) => {
    expect(isBotRequest(ua)).toBe(bot)
  })

  it("counts HEAD requests (link previews) as bots", () => {
    expect(isBotRequest("Mozilla/5.0 (iPhone)", "HEAD")).toBe(true)
  })
})

describe("pickLastTouch", () => {
  const order = new Date("2026-11-20T12:00:00Z")
  const hoursBefore = (h: number) => new Date(order.getTime() - h * 3_600_000)
  const touch = (type: Touch["type"], h: number, message_id = "m"): Touch => ({ type, at: hoursBefore(h), message_id })

  it("credits the latest touch inside its window", () => {
    expect(pickLastTouch([touch("click", 100, "a"), touch("delivered", 2, "b")], order, DEFAULT_WINDOWS)).toMatchObject({ message_id: "b" })
    expect(pickLastTouch([touch("click", 100, "a"), touch("delivered", 25, "b")], order, DEFAULT_WINDOWS)).toMatchObject({ message_id: "a" })
  })

  it("ignores touches outside their window or after the order", () => {
    expect(pickLastTouch([touch("click", 121), touch("read", 24.5), touch("delivered", -1)], order, DEFAULT_WINDOWS)).toBeNull()
  })

  it("prefers the more direct touch at the same instant", () => {
    expect(pickLastTouch([touch("delivered", 1, "d"), touch("click", 1, "c")], order, DEFAULT_WINDOWS)?.message_id).toBe("c")
  })

  it("follows the windows it is given", () => {
    expect(pickLastTouch([touch("click", 30)], order, { ...DEFAULT_WINDOWS, click_hours: 24 })).toBeNull()
    expect(pickLastTouch([touch("delivered", 30)], order, { ...DEFAULT_WINDOWS, delivery_hours: 48 })).not.toBeNull()
  })
})
