import type { LookupQuery, LookupResult, TakenIds } from "../types"

/** A message as Twilio's Messages API returns it (the fields the lookup reads). */
export type TwilioListedMessage = {
  sid: string
  to: string
  from: string | null
  messaging_service_sid: string | null
  body: string | null
  status: string
  direction: string
  /** RFC 2822, e.g. "Mon, 01 Dec 2026 10:00:00 +0000". */
  date_created: string
  /** Null while the message waits in Twilio's queue. */
  date_sent: string | null
}

/** How far Twilio's clock may be from ours when comparing a message's creation with our claim. */
const CLOCK_SKEW_MS = 60_000

/** Twilio's statuses as a lookup's answer: in flight → sent (its callbacks and the expiry job follow). */
export function twilioLookupStatus(status: string): Extract<LookupResult, { found: true }>["status"] {
  switch (status) {
    case "delivered":
      return "delivered"
    case "read":
      return "read"
    case "failed":
    case "undelivered":
    case "canceled":
      return "failed"
    default:
      return "sent"
  }
}

/** Characters Twilio's Smart Encoding may replace by GSM-7 look-alikes, and what they become. */
const SMART_ENCODED: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
  "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...",
  "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "",
}

/**
 * A text as Twilio may store it: Smart Encoding's replacements applied and whitespace runs made one
 * space, so that a rewritten body still matches ours. One pass over the text.
 */
export function comparableText(text: string): string {
  let out = ""
  let space = false
  for (const char of text.normalize("NFC")) {
    const mapped = SMART_ENCODED[char] ?? char
    if (/^\s$/.test(mapped)) {
      space = out.length > 0
      continue
    }
    if (space) out += " "
    space = false
    out += mapped
  }
  return out
}

/**
 * The message Twilio created for ours, among those listed for its number: outbound, from our sender
 * (the number, or the Messaging Service), created since the claim (less the clock skew), with our text
 * (RCS: Twilio stores the content's text, so the text is not compared), and not a sid already recorded
 * for another of our messages. The oldest such message is ours: two of our messages with one text to one
 * number each take their own, in claim order.
 */
export async function findTwilioMessage(
  listed: TwilioListedMessage[],
  message: LookupQuery,
  sender: { from: string | null; messagingServiceSid: string | null },
  taken: TakenIds
): Promise<TwilioListedMessage | null> {
  const since = message.claimed_at.getTime() - CLOCK_SKEW_MS
  const text = message.channel === "sms" ? comparableText(message.body) : null
  const candidates = listed
    .filter(
      (m) =>
        m.to === message.to &&
        m.direction?.startsWith("outbound") &&
        (sender.messagingServiceSid ? m.messaging_service_sid === sender.messagingServiceSid : m.from === sender.from) &&
        Date.parse(m.date_created) >= since &&
        (text === null || comparableText(m.body ?? "") === text)
    )
    .sort((a, b) => Date.parse(a.date_created) - Date.parse(b.date_created))
  if (!candidates.length) return null
  const recorded = await taken(candidates.map((m) => m.sid))
  return candidates.find((m) => !recorded.has(m.sid)) ?? null
}
