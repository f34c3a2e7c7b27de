import path from "node:path"
import { renderForRecipient, type RenderContext } from "../campaigns"
import { checkPhone } from "../phone"
import { rcsPayloadSchema } from "../rcs/payload"
import { countSegments, findNonGsmCharacters, smartEncode } from "../sms-encoding"
import { MAX_SMS_CHARACTERS, smsCharacters, TextTooLongError } from "../sms-encoding"
import { capVariables, renderTemplate, trimLineEnds, validateTemplate } from "../templates"
import { findUrls, linkHostMatcher, shortenLinks, trackableHosts } from "../tracking"
import { runInWorker } from "./helpers/run-in-worker"

/**
 * What a shopper (or an integration) can put into a text: a first name, a product title, an address.
 * Each step of the render path must stay one pass over its input, and whatever comes out is bounded.
 * The `runInWorker` cases use inputs of 1 MB, where a quadratic step needs tens of minutes and a linear
 * one milliseconds; the others check the results on 100 KB inputs.
 */
const KB100 = 100_000
const MB = 1_000_000
const LIB = path.join(__dirname, "..")

jest.setTimeout(60_000)

describe("hostile input: one pass over the text, whatever its length", () => {
  it("finds the URL of a 1 MB run of dots, keeping the dots inside it and dropping the ones after it", async () => {
    const inside = `https://a${".".repeat(MB)}x`
    expect(await runInWorker(`${LIB}/tracking/short-links.ts`, "findUrls", [inside])).toEqual([{ url: inside, index: 0 }])
    const after = `See https://evil.example/x${".".repeat(MB)}a`
    // the dots do not end the text, so they are part of the URL: only punctuation at its very end is not
    expect(await runInWorker<{ url: string }[]>(`${LIB}/tracking/short-links.ts`, "findUrls", [after])).toEqual([{ url: after.slice(4), index: 4 }])
  })

  it("drops 100 KB of sentence punctuation after a URL, and finds every URL of 100 KB of URL-like text", () => {
    expect(findUrls(`Go to https://shop.example.com/sale${"!?.)".repeat(KB100 / 4)}`)).toEqual([{ url: "https://shop.example.com/sale", index: 6 }])
    const many = "http://a.io/ ".repeat(KB100 / 13)
    const found = findUrls(many)
    expect(found).toHaveLength(Math.floor(KB100 / 13))
    expect(found[found.length - 1]).toEqual({ url: "http://a.io/", index: (found.length - 1) * 13 })
    // "https://" again and again, no space: one URL, nothing quadratic in how it is cut
    const glued = "https://".repeat(KB100 / 8)
    expect(findUrls(glued)).toEqual([{ url: glued, index: 0 }])
  })

  it("trims the spaces that end lines in one pass, also a 1 MB run of spaces with no newline after it", async () => {
    const spaces = " ".repeat(MB)
    expect(await runInWorker(`${LIB}/templates/render.ts`, "trimLineEnds", [`a${spaces}b`])).toBe(`a${spaces}b`)
    expect(await runInWorker(`${LIB}/templates/render.ts`, "trimLineEnds", [`a${spaces}\nb${spaces}`])).toBe(`a\nb${spaces}`)
    expect(trimLineEnds("one \t\ntwo  \n\nthree ")).toBe("one\ntwo\n\nthree ")
  })

  it("smart-encodes 1 MB of typographic text in one pass, with the calculator's own table", async () => {
    const text = "“Soldes” – jusqu’à -50 %… ".repeat(MB / 26)
    const encoded = await runInWorker<string>(`${LIB}/sms-encoding/segments.ts`, "smartEncode", [text])
    expect(encoded).toBe(`"Soldes" - jusqu'à -50 %... `.repeat(MB / 26))
    expect(smartEncode("«Merci» ❤️")).toBe('"Merci" ❤️')
  })

  it("accepts RCS button URLs of 100 KB without backtracking (the schema refuses or accepts, in one pass)", async () => {
    const card = (url: string) => ({ type: "card", card: { title: "T", suggestions: [{ type: "open_url", text: "Go", url }] } })
    expect(rcsPayloadSchema.safeParse(card(`https://shop.example.com/${"x".repeat(KB100)}`)).success).toBe(true)
    expect(rcsPayloadSchema.safeParse(card(`https://shop.example.com/${"x".repeat(KB100)} y`)).success).toBe(false)
    expect(rcsPayloadSchema.safeParse(card(`{{ ${"a".repeat(KB100)} }`)).success).toBe(false)
  })

  it("reads a 100 KB phone as invalid, and says so without echoing 100 KB back", () => {
    for (const raw of ["1".repeat(KB100), `${" ".repeat(KB100)}+33`, `+33 6 ${"1 ".repeat(KB100 / 2)}`]) {
      const checked = checkPhone(raw, { defaultCountry: "FR" })
      expect(checked).toMatchObject({ ok: false, reason: "invalid_phone" })
      expect((checked as { detail: string }).detail.length).toBeLessThan(200)
    }
  })
})

describe("template variables are capped before rendering", () => {
  it("cuts a 100 KB first name to 200 characters, whatever it is made of", () => {
    for (const name of [" ".repeat(KB100), ".".repeat(KB100), `https://evil.example/${"x".repeat(KB100)}`, "é".repeat(KB100)]) {
      const text = renderTemplate("Hi {{customer_first_name}}, welcome!", { customer_first_name: name })
      expect(text).toBe(`Hi ${name.slice(0, 200)}, welcome!`)
    }
  })

  it("never splits an emoji, caps lists and nested fields, and keeps links the plugin filled in whole", () => {
    const emoji = "😀".repeat(KB100)
    const capped = capVariables({
      customer_first_name: emoji,
      items: [{ title: "t".repeat(KB100), quantity: 2 }],
      tracking_url: `https://track.example.com/${"1".repeat(500)}`,
      order_display_id: 1042,
    })
    expect(smsCharacters(capped.customer_first_name as string)).toBe(200)
    expect((capped.customer_first_name as string).length).toBe(400)
    expect(capped.items).toEqual([{ title: "t".repeat(200), quantity: 2 }])
    expect(capped.tracking_url).toBe(`https://track.example.com/${"1".repeat(500)}`)
    expect(capped.order_display_id).toBe(1042)
    expect((capVariables({ tracking_url: "x".repeat(KB100) }).tracking_url as string).length).toBe(MAX_SMS_CHARACTERS)
  })

  it("follows templates.maxVariableLength", () => {
    expect(renderTemplate("{{a}}|{{{a}}}|{{&a}}", { a: "abcdefgh" }, { maxVariableLength: 3 })).toBe("abc|abc|abc")
  })
})

describe("texts no provider accepts are never counted", () => {
  it("refuses to count 100,000 characters, with a message that says why", () => {
    expect(() => countSegments("a".repeat(KB100))).toThrow(TextTooLongError)
    expect(() => countSegments("a".repeat(KB100))).toThrow(
      "The text is 100,000 characters long; providers accept at most 1,600 (Twilio's limit): shorten it"
    )
    expect(() => findNonGsmCharacters("ç".repeat(KB100))).toThrow(TextTooLongError)
  })

  it("counts up to 1,600 characters as providers count them (an emoji is one)", () => {
    expect(countSegments("a".repeat(MAX_SMS_CHARACTERS))).toMatchObject({ encoding: "GSM-7", segments: 11 })
    expect(countSegments("😀".repeat(MAX_SMS_CHARACTERS))).toMatchObject({ encoding: "UCS-2" })
    expect(() => countSegments("a".repeat(MAX_SMS_CHARACTERS + 1))).toThrow(TextTooLongError)
  })

  it("refuses a template longer than that first, without parsing it", () => {
    const { problems } = validateTemplate({ sms_body: `{{#x}}${"a".repeat(KB100)}` }, [])
    expect(problems).toEqual([
      { path: "sms_body", message: "the SMS text is 100,006 characters long; providers accept at most 1,600 (Twilio's limit): shorten it" },
    ])
  })

  it("marks a campaign text too long once filled in as a problem, not counted, not priced, without links", () => {
    const context: RenderContext = {
      campaign_id: "camp_1",
      locale: "en",
      common: { storefront_url: "https://shop.example.com" },
      optOutText: { en: "Reply STOP to opt out" },
      smartEncoding: false,
      trackingBaseUrl: "https://go.example.com",
      trackableHosts: ["shop.example.com", "go.example.com"],
      rcsChannel: false,
      pricing: { currency: "EUR", sms: { default: 0.05 }, rcs: {} },
    }
    const variant = { id: "a", template_key: "campaign", sms_body: `{{first_name}} ${"x".repeat(1_500)} https://shop.example.com/sale`, rcs_payload: null }
    const fits = renderForRecipient(variant, { first_name: "Ana", last_name: null, country: "FR" }, context)
    expect(fits.problem).toBeNull()
    expect(fits.links).toHaveLength(1)
    const over = renderForRecipient(variant, { first_name: "B".repeat(KB100), last_name: null, country: "FR" }, context)
    expect(over).toMatchObject({ segments: 0, links: [], cost: undefined, rich_payload: null })
    expect(over.problem).toMatch(/^text_too_long: variant "a", filled in for this recipient, is 1,7\d\d characters long; providers accept at most 1,600/)
    expect(smsCharacters(over.body)).toBe(MAX_SMS_CHARACTERS)
  })
})

describe("tracked links lead only where the store leads", () => {
  const hosts = trackableHosts({
    trackingBaseUrl: "https://api.shop.example.com",
    storefrontUrl: "https://shop.example.com",
    cartRecoveryUrl: "https://checkout.example.net/recover/{cart_id}",
    allowedHosts: ["*.blog.example.org", "Instagram.com", "bücher.example"],
    variables: { tracking_url: "https://www.laposte.fr/suivi/6A123", customer_first_name: "https://evil.example/x" },
  })
  const trackable = linkHostMatcher(hosts)

  it("knows the storefront, the cart page, the configured hosts and the links the plugin filled in", () => {
    expect(hosts.sort()).toEqual(
      ["api.shop.example.com", "shop.example.com", "checkout.example.net", "*.blog.example.org", "instagram.com", "xn--bcher-kva.example", "www.laposte.fr"].sort()
    )
    expect(trackable("https://shop.example.com/sale?x=1")).toBe(true)
    expect(trackable("https://news.blog.example.org/post")).toBe(true)
    expect(trackable("https://blog.example.org/post")).toBe(false)
    expect(trackable("https://www.laposte.fr/suivi/6A123")).toBe(true)
  })

  it("refuses every other host, however the URL is dressed up", () => {
    for (const url of [
      "https://evil.example/x",
      "https://shop.example.com@evil.example/",
      "https://shop.example.com.evil.example/",
      "https://evil.example\\@shop.example.com/",
      "https://evilshop.example.com/",
      "https://xblog.example.org/",
      "not a url",
    ]) {
      expect([url, trackable(url)]).toEqual([url, false])
    }
  })

  it("leaves a URL a shopper typed as their name as written: no redirect on the store's domain", () => {
    const body = renderTemplate("Welcome {{customer_first_name}}! Shop: {{storefront_url}}/new", {
      customer_first_name: "https://evil.example/x",
      storefront_url: "https://shop.example.com",
    })
    const { body: sent, links } = shortenLinks({
      body,
      rcs: {
        type: "card",
        card: {
          title: "Hi",
          suggestions: [
            { type: "open_url", text: "Evil", url: "https://evil.example/y" },
            { type: "open_url", text: "Shop", url: "https://shop.example.com/new" },
          ],
        },
      },
      baseUrl: "https://api.shop.example.com",
      isTrackable: trackable,
      utm: { medium: "automation", campaign: "welcome" },
      makeCode: (() => {
        let n = 0
        return () => `CODE${++n}aaaa`
      })(),
    })
    expect(sent).toBe("Welcome https://evil.example/x! Shop: https://api.shop.example.com/r/CODE1aaaa")
    expect(links.map((l) => new URL(l.target_url).host)).toEqual(["shop.example.com", "shop.example.com"])
  })
})
