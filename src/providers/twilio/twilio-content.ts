import { createHash } from "node:crypto"
import type { RcsCard, RcsPayload, RcsSuggestion } from "../../lib/rcs/payload"

/** Twilio cards take at most this many buttons; chips under the message join the card's buttons. */
const MAX_CARD_ACTIONS = 4

function action(s: RcsSuggestion): Record<string, string> | null {
  switch (s.type) {
    case "reply":
      // the id comes back as ButtonPayload on the inbound webhook when tapped
      return { type: "QUICK_REPLY", title: s.text, id: s.postback_data }
    case "open_url":
      return { type: "URL", title: s.text, url: s.url }
    case "dial":
      return { type: "PHONE_NUMBER", title: s.text, phone: s.phone }
    case "view_location":
      // Twilio cards have no map action: the pin opens in Google Maps instead
      return { type: "URL", title: s.text, url: `https://www.google.com/maps/search/?api=1&query=${s.latitude},${s.longitude}` }
    case "create_calendar_event":
      // no calendar action on Twilio cards either: the event is left out (the text carries the details)
      return null
  }
}

function card(c: RcsCard, extra: RcsSuggestion[] = []): Record<string, unknown> {
  const actions = [...(c.suggestions ?? []), ...extra]
    .map(action)
    .filter((a): a is Record<string, string> => a !== null)
    .slice(0, MAX_CARD_ACTIONS)
  return {
    title: c.title ?? c.description?.slice(0, 200) ?? " ",
    ...(c.description && c.title ? { subtitle: c.description } : {}),
    ...(c.media ? { media: [c.media.url] } : {}),
    ...(actions.length ? { actions } : {}),
  }
}

/**
 * The RCS variant as a Twilio Content API item: `twilio/card` or `twilio/carousel`, with `twilio/text`
 * (the SMS text) for phones the Messaging Service finds without RCS. Its friendly name is a hash of
 * the content, so identical content (a campaign's card) is created once and reused.
 */
export function toTwilioContent(body: string, payload: RcsPayload | null, language: string): { friendly_name: string; language: string; types: Record<string, unknown> } {
  const types: Record<string, unknown> = { "twilio/text": { body } }
  if (payload?.type === "card") {
    types["twilio/card"] = card(payload.card, payload.suggestions)
  } else if (payload?.type === "carousel") {
    types["twilio/carousel"] = {
      body,
      cards: payload.cards.map((c) => {
        const { subtitle, ...rest } = card(c) as Record<string, unknown>
        return { ...rest, ...(subtitle ? { body: subtitle } : {}) }
      }),
    }
  }
  const hash = createHash("sha256").update(JSON.stringify({ types, language })).digest("hex").slice(0, 24)
  return { friendly_name: `sms_rcs_${hash}`, language, types }
}
