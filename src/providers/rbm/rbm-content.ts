import type { RcsCard, RcsPayload, RcsSuggestion } from "../../lib/rcs/payload"
import { withPostbackRef } from "./rbm-events"

/** RBM's limit on a text message (characters). */
export const RBM_TEXT_LIMIT = 3_072

const HEIGHTS = { short: "SHORT", medium: "MEDIUM", tall: "TALL" } as const

const suggestionOf = (messageId: string) => (s: RcsSuggestion): Record<string, unknown> => {
  // RBM requires postback data on every suggestion and sends it back on a tap: it names the button and,
  // after it, the message, so the tap counts as a touch of that message
  const postbackData = withPostbackRef(s.postback_data ?? `${s.type}:${s.text}`, messageId)
  switch (s.type) {
    case "reply":
      return { reply: { text: s.text, postbackData } }
    case "open_url":
      return { action: { text: s.text, postbackData, openUrlAction: { url: s.url } } }
    case "dial":
      return { action: { text: s.text, postbackData, dialAction: { phoneNumber: s.phone } } }
    case "view_location":
      return {
        action: {
          text: s.text,
          postbackData,
          viewLocationAction: { latLong: { latitude: s.latitude, longitude: s.longitude }, ...(s.label ? { label: s.label } : {}) },
        },
      }
    case "create_calendar_event":
      return {
        action: {
          text: s.text,
          postbackData,
          createCalendarEventAction: {
            startTime: new Date(s.start_time).toISOString(),
            endTime: new Date(s.end_time).toISOString(),
            title: s.title,
            ...(s.description ? { description: s.description } : {}),
          },
        },
      }
  }
}

function cardContent(card: RcsCard, suggestion: (s: RcsSuggestion) => Record<string, unknown>): Record<string, unknown> {
  return {
    ...(card.title ? { title: card.title } : {}),
    ...(card.description ? { description: card.description } : {}),
    ...(card.media
      ? { media: { height: HEIGHTS[card.media.height], contentInfo: { fileUrl: card.media.url, forceRefresh: false } } }
      : {}),
    ...(card.suggestions?.length ? { suggestions: card.suggestions.map(suggestion) } : {}),
  }
}

/**
 * The plugin's RCS payload as an RBM `contentMessage`: a standalone rich card or a carousel, with the
 * message's suggestion chips. Without a payload, the SMS text is sent as an RCS text message.
 */
export function toRbmContentMessage(body: string, payload: RcsPayload | null, messageId: string): Record<string, unknown> {
  const suggestion = suggestionOf(messageId)
  if (!payload) {
    return { text: body.slice(0, RBM_TEXT_LIMIT) }
  }
  const chips = payload.suggestions?.length ? { suggestions: payload.suggestions.map(suggestion) } : {}
  if (payload.type === "card") {
    return {
      richCard: {
        standaloneCard: {
          cardOrientation: "VERTICAL",
          cardContent: cardContent(payload.card, suggestion),
        },
      },
      ...chips,
    }
  }
  return {
    richCard: {
      carouselCard: {
        cardWidth: payload.card_width === "small" ? "SMALL" : "MEDIUM",
        cardContents: payload.cards.map((card) => cardContent(card, suggestion)),
      },
    },
    ...chips,
  }
}
