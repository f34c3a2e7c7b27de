import { withOptOutMention } from "../consent"
import { estimateCost, type Pricing } from "../cost"
import type { RcsPayload } from "../rcs/payload"
import { countSegments, smartEncode, type SmsEncoding } from "../segments"
import { isTooLongForSms, MAX_SMS_CHARACTERS, tooLongMessage } from "../sms-length"
import { capString, renderRcsPayload, renderTemplate } from "../templates"
import { linkHostMatcher, shortenLinks, type NewTrackedLink } from "../tracking"

/** A variant's texts, ready to be filled in per recipient (template resolved, smart-encoded once). */
export type PreparedVariant = {
  id: string
  template_key: string
  sms_body: string
  rcs_payload: RcsPayload | null
}

export type RenderContext = {
  campaign_id: string
  locale: string
  /** Variables every text may use (store name, storefront URL, help contact …). */
  common: Record<string, unknown>
  optOutText: Record<string, string>
  smartEncoding: boolean
  trackingBaseUrl: string | null
  /** Hosts links may be tracked to (see lib/tracking/link-hosts): the storefront's, the configured ones. */
  trackableHosts: readonly string[]
  /** `templates.maxVariableLength`. */
  maxVariableLength?: number
  /** Whether an RCS provider is there: the RCS variant is used only then (capability checked at send time, its text as fallback). */
  rcsChannel: boolean
  pricing?: Pricing
}

export type RenderedRecipient = {
  channel: "sms" | "rcs"
  body: string
  rich_payload: RcsPayload | null
  encoding: SmsEncoding
  segments: number
  links: NewTrackedLink[]
  cost: { amount: number; currency_code: string } | undefined
  /** Why this text cannot be sent (longer than a provider accepts once filled in), or null. */
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

/** The template prepared once per campaign: smart encoding applies to the written text, not per recipient. */
export function prepareText(text: string, context: Pick<RenderContext, "smartEncoding">): string {
  return context.smartEncoding ? smartEncode(text) : text
}

/**
 * One recipient's text, as sendMessageWorkflow would render it: variables filled in, the opt-out mention
 * added (marketing), links shortened and tagged with the campaign, segments and cost counted.
 */
export function renderForRecipient(
  variant: PreparedVariant,
  recipient: { first_name: string | null; last_name: string | null; country: string | null },
  context: RenderContext
): RenderedRecipient {
  const variables = {
    ...context.common,
    first_name: recipient.first_name ?? "",
    // the name the shipped templates use, so a template picked for a campaign reads the same
    customer_first_name: recipient.first_name ?? "",
    last_name: recipient.last_name ?? "",
    customer_name: [recipient.first_name, recipient.last_name].filter(Boolean).join(" "),
  }
  const limits = { maxVariableLength: context.maxVariableLength }
  let body = withOptOutMention(renderTemplate(variant.sms_body, variables, limits), variant.sms_body, context.locale, context.optOutText)
  let rcs = context.rcsChannel && variant.rcs_payload ? renderRcsPayload(variant.rcs_payload, variables, limits) : null
  let links: NewTrackedLink[] = []
  if (context.trackingBaseUrl) {
    ;({ body, rcs, links } = shortenLinks({
      body,
      rcs,
      baseUrl: context.trackingBaseUrl,
      isTrackable: linkHostMatcher(context.trackableHosts),
      utm: { medium: "campaign", campaign: context.campaign_id },
    }))
  }
  if (isTooLongForSms(body)) {
    // never counted nor sent: recorded as failed with the reason (see campaign-store's fan-out)
    return {
      channel: "sms",
      body: capString(body, MAX_SMS_CHARACTERS),
      rich_payload: null,
      encoding: "GSM-7",
      segments: 0,
      links: [],
      cost: undefined,
      problem: `text_too_long: ${tooLongMessage(body, `variant "${variant.id}", filled in for this recipient,`)}`,
    }
  }
  const { encoding, segments } = fastSegments(body)
  const channel = rcs ? "rcs" : "sms"
  return {
    channel,
    body,
    rich_payload: rcs,
    encoding,
    segments,
    links,
    cost: estimateCost(context.pricing, { channel, country: recipient.country, segments }),
    problem: null,
  }
}
