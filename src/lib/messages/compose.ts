import { withOptOutMention } from "../consent/opt-out"
import type { RcsPayload } from "../rcs/payload"
import { applyRecommendations, withRecommendationCards } from "../recommendations/message"
import { estimateCost, type Pricing } from "../sms-encoding/cost"
import { isTooLongForSms, MAX_SMS_CHARACTERS, tooLongMessage } from "../sms-encoding/length"
import { countSegments, smartEncode, type SmsEncoding } from "../sms-encoding/segments"
import { capString, renderRcsPayload, renderTemplate } from "../templates"
import { linkHostMatcher, shortenLinks, trackableHosts, type NewTrackedLink, type Utm } from "../tracking"
import { plannedChannel, type RcsRouting } from "./channel"

/** Everything a text needs from the store's settings, the same for every message of a send or a campaign. */
export type ComposeSettings = {
  smartEncoding: boolean
  /** `consent.optOutText`: the mention added to marketing texts that do not say STOP themselves. */
  optOutText: Record<string, string>
  /** `templates.maxVariableLength`. */
  maxVariableLength?: number
  /** Where tracked links point (`{base}/r/{code}`); null: links stay as written. */
  trackingBaseUrl: string | null
  /** Hosts links may be tracked to (storefront, cart page, `tracking.allowedHosts`). */
  trackableHosts: readonly string[]
  rcs: RcsRouting
  pricing?: Pricing
}

export type ComposeInput = {
  /** The SMS text as written (a template's, or a ready one). */
  text: string
  /** The RCS variant as written, or null (a campaign passes null when no RCS gateway is there). */
  rcs: RcsPayload | null
  variables: Record<string, unknown>
  purpose: "transactional" | "marketing"
  locale: string
  /** The recipient's country, for the price. */
  country: string | null
  /** What the caller asks for ("sms" | "rcs"), else the routing decides. */
  channel?: "sms" | "rcs" | null
  /** How tracked links are tagged (utm_medium, utm_campaign). */
  utm: Omit<Utm, "source">
  /** Names the text in a too-long problem: `${label}, filled in,` / `${label}, with its tracked links,`. */
  label: { filledIn: string; withLinks: string }
  /** Sent as written, `{{…}}` included (an admin's reply in a conversation): nothing is filled in. */
  literal?: boolean
}

export type ComposedMessage = {
  channel: "sms" | "rcs"
  body: string
  rich_payload: RcsPayload | null
  encoding: SmsEncoding
  segments: number
  links: NewTrackedLink[]
  cost: { amount: number; currency_code: string } | undefined
  /**
   * Why this text cannot be sent (longer than a provider accepts once filled in): it is then recorded as
   * failed with this reason, cut to the limit, not counted, not priced, without links.
   */
  problem: string | null
}

/** Printable ASCII without GSM-7's extension characters (^{}\[~]|) nor the backtick, which GSM-7 lacks. */
const PLAIN_GSM = /^[A-Za-z0-9 \n\r!"#$%&'()*+,\-./:;<=>?@_]*$/

/**
 * Segments of a text, the common case computed from its length: a campaign counts a million of them,
 * and Twilio's calculator (countSegments) costs tens of microseconds each. Anything but plain GSM-7
 * goes to the calculator, so the answer is the same.
 */
export function fastSegments(text: string): { encoding: SmsEncoding; segments: number } {
  if (PLAIN_GSM.test(text)) {
    return { encoding: "GSM-7", segments: text.length === 0 ? 0 : text.length <= 160 ? 1 : Math.ceil(text.length / 153) }
  }
  const { encoding, segments } = countSegments(text)
  return { encoding, segments }
}

const tooLong = (body: string, label: string): ComposedMessage => ({
  channel: "sms",
  body: capString(body, MAX_SMS_CHARACTERS),
  rich_payload: null,
  encoding: "GSM-7",
  segments: 0,
  links: [],
  cost: undefined,
  problem: `text_too_long: ${tooLongMessage(body, label)}`,
})

/**
 * The one way a message's text is made, for a single send, a campaign's fan-out and an RCS fallback
 * alike: variables filled in, the opt-out mention added (marketing), smart encoding, links shortened
 * and tagged, the channel planned, then segments counted once, at the links' real length, and priced.
 */
export function composeMessage(given: ComposeInput, settings: ComposeSettings): ComposedMessage {
  // `{{recommendations}}` handed over as products: a short list in the text, a carousel on RCS
  const { variables, cards } = given.literal ? { variables: given.variables, cards: null } : applyRecommendations(given)
  const input = { ...given, variables }
  const limits = { maxVariableLength: settings.maxVariableLength }
  const filled = input.literal ? input.text : renderTemplate(input.text, input.variables, limits)
  const mentioned = input.purpose === "marketing" ? withOptOutMention(filled, input.text, input.locale, settings.optOutText) : filled
  // plain GSM-7 has nothing to replace: most texts skip the per-character pass (a campaign makes a million)
  let body = settings.smartEncoding && !PLAIN_GSM.test(mentioned) ? smartEncode(mentioned) : mentioned
  if (isTooLongForSms(body)) return tooLong(body, input.label.filledIn)

  const channel = plannedChannel(input.channel, !!input.rcs, settings.rcs)
  // kept with the message whatever the channel: the SMS is its fallback, and the RCS card its record
  let rcs = input.rcs ? (input.literal ? input.rcs : renderRcsPayload(input.rcs, input.variables, limits)) : null
  if (rcs && cards) rcs = withRecommendationCards(rcs, cards, input.locale)
  let links: NewTrackedLink[] = []
  if (settings.trackingBaseUrl) {
    // links the plugin filled in (a shipment's tracking page) may be tracked as well as the store's own
    const hosts = [...settings.trackableHosts, ...trackableHosts({ variables: input.variables })]
    ;({ body, rcs, links } = shortenLinks({ body, rcs, baseUrl: settings.trackingBaseUrl, isTrackable: linkHostMatcher(hosts), utm: input.utm }))
    // a short link may be longer than the URL it replaced
    if (isTooLongForSms(body)) return tooLong(body, input.label.withLinks)
  }
  const { encoding, segments } = fastSegments(body)
  return {
    channel,
    body,
    rich_payload: rcs,
    encoding,
    segments,
    links,
    cost: estimateCost(settings.pricing, { channel, country: input.country, segments }),
    problem: null,
  }
}
