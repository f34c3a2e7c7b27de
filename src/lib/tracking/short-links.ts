import { randomBytes } from "node:crypto"
import { mapRcsTexts, type RcsPayload } from "../rcs/payload"

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** Unguessable: 10 base62 characters, about 59 random bits (rejection sampling keeps them uniform). */
export function newLinkCode(length = 10): string {
  let code = ""
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && code.length < length) code += BASE62[byte % 62]
    }
  }
  return code
}

/** An http(s) URL in a text: a greedy run with no way back, so one pass however long the text. */
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
/** The punctuation that ends the sentence around a URL rather than the URL. */
const TRAILING = new Set([...".,;:!?)]}'\"»"])

/**
 * The URLs of a text, without the punctuation that ends the sentence around them. The punctuation is
 * stripped by walking back from the end: `/[.,…]+$/` restarts at every dot of a long run that does not
 * end the URL, which is quadratic (seconds for a 100 KB "https://a....x").
 */
export function findUrls(text: string): { url: string; index: number }[] {
  const found: { url: string; index: number }[] = []
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimTrailingPunctuation(match[0])
    if (url.length > "https://".length) found.push({ url, index: match.index! })
  }
  return found
}

function trimTrailingPunctuation(url: string): string {
  let end = url.length
  while (end > 0 && TRAILING.has(url[end - 1])) end--
  return url.slice(0, end)
}

export type Utm = { source: "sms" | "rcs"; medium: string; campaign: string }

/** The target with `utm_source`, `utm_medium` and `utm_campaign` added, keeping its query and any UTM it already has. */
export function withUtm(target: string, utm: Utm): string {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return target
  }
  const set = (name: string, value: string) => {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value)
  }
  set("utm_source", utm.source)
  set("utm_medium", utm.medium)
  set("utm_campaign", utm.campaign)
  return url.toString()
}

export type NewTrackedLink = { code: string; target_url: string; channel: "sms" | "rcs" }

export type ShortenInput = {
  body: string
  rcs: RcsPayload | null
  /** e.g. "https://shop.example.com": links become `{baseUrl}/r/{code}`. */
  baseUrl: string
  /** Which targets may be tracked (see `linkHostMatcher`); the others are left as written. */
  isTrackable: (url: string) => boolean
  utm: Omit<Utm, "source">
  makeCode?: () => string
}

/**
 * Replaces every URL of the SMS text and every RCS open-URL action whose host may be tracked by a short
 * tracked link, one code per URL and channel (a tap on the RCS button and a tap in the SMS fallback are
 * told apart). Links already pointing at the tracker, and links to any other host, are left as written:
 * a shopper who types a URL as their name must not get a redirect on the store's domain.
 */
export function shortenLinks(input: ShortenInput): { body: string; rcs: RcsPayload | null; links: NewTrackedLink[] } {
  const base = input.baseUrl.replace(/\/+$/, "")
  const makeCode = input.makeCode ?? newLinkCode
  const links: NewTrackedLink[] = []
  const shorten = (url: string, channel: "sms" | "rcs") => {
    if (url.startsWith(`${base}/r/`) || !input.isTrackable(url)) return url
    const code = makeCode()
    links.push({ code, target_url: withUtm(url, { ...input.utm, source: channel }), channel })
    return `${base}/r/${code}`
  }
  let body = ""
  let last = 0
  for (const { url, index } of findUrls(input.body)) {
    body += input.body.slice(last, index) + shorten(url, "sms")
    last = index + url.length
  }
  body += input.body.slice(last)

  let rcs = input.rcs
  if (rcs) {
    const isUrl = /^https?:\/\//
    rcs = mapRcsTexts(rcs, (text) => text)
    const suggestion = (s: any) => (s.type === "open_url" && isUrl.test(s.url) ? { ...s, url: shorten(s.url, "rcs") } : s)
    const card = (c: any) => (c.suggestions ? { ...c, suggestions: c.suggestions.map(suggestion) } : c)
    rcs =
      rcs.type === "card"
        ? { ...rcs, card: card(rcs.card), ...(rcs.suggestions ? { suggestions: rcs.suggestions.map(suggestion) } : {}) }
        : { ...rcs, cards: rcs.cards.map(card), ...(rcs.suggestions ? { suggestions: rcs.suggestions.map(suggestion) } : {}) }
  }
  return { body, rcs, links }
}
