import { z } from "zod"

/**
 * The RCS variant of a template, in the plugin's own provider-neutral shape; each provider maps it to
 * its wire format (RBM `richCard`, Twilio Content `twilio/card` / `twilio/carousel`). Limits are
 * Google RBM's, the strictest of the two: a payload valid here is valid for both.
 */
export const RCS_LIMITS = {
  titleLength: 200,
  descriptionLength: 2_000,
  suggestionTextLength: 25,
  postbackDataLength: 2_048,
  suggestionsPerCard: 4,
  suggestionsPerMessage: 11,
  carouselMinCards: 2,
  carouselMaxCards: 10,
} as const

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`)

const suggestionText = text(RCS_LIMITS.suggestionTextLength, "the suggestion's text")
const postbackData = text(RCS_LIMITS.postbackDataLength, "the postback data")

/** A URL, or a template that renders to one (`{{tracking_url}}`). */
const urlOrVariable = z
  .string()
  .trim()
  .regex(/^(https?:\/\/\S+|\{\{\{?\s*[\w.]+\s*\}?\}\}\S*)$/, "expected an http(s) URL or a variable such as {{tracking_url}}")

export const rcsSuggestionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reply"), text: suggestionText, postback_data: postbackData }).strict(),
  z
    .object({ type: z.literal("open_url"), text: suggestionText, url: urlOrVariable, postback_data: postbackData.optional() })
    .strict(),
  z
    .object({
      type: z.literal("dial"),
      text: suggestionText,
      phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone such as +33612345678"),
      postback_data: postbackData.optional(),
    })
    .strict(),
  // a map pin: the shop, the pickup point
  z
    .object({
      type: z.literal("view_location"),
      text: suggestionText,
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      label: z.string().trim().min(1).max(100).optional(),
      postback_data: postbackData.optional(),
    })
    .strict(),
  // "add to my calendar": a delivery slot, an in-store event
  z
    .object({
      type: z.literal("create_calendar_event"),
      text: suggestionText,
      title: text(100, "the event's title"),
      description: text(500, "the event's description").optional(),
      start_time: z.string().datetime({ offset: true, message: "expected an ISO 8601 date-time such as 2026-12-05T18:00:00+01:00" }),
      end_time: z.string().datetime({ offset: true, message: "expected an ISO 8601 date-time such as 2026-12-05T20:00:00+01:00" }),
      postback_data: postbackData.optional(),
    })
    .strict()
    .refine((e) => Date.parse(e.end_time) > Date.parse(e.start_time), { message: "the event must end after it starts", path: ["end_time"] }),
])

export const rcsCardSchema = z
  .object({
    title: text(RCS_LIMITS.titleLength, "the card's title").optional(),
    description: text(RCS_LIMITS.descriptionLength, "the card's description").optional(),
    media: z
      .object({
        url: urlOrVariable,
        height: z.enum(["short", "medium", "tall"]).default("medium"),
        alt: z.string().max(RCS_LIMITS.titleLength).optional(),
      })
      .strict()
      .optional(),
    suggestions: z
      .array(rcsSuggestionSchema)
      .max(RCS_LIMITS.suggestionsPerCard, `a card holds at most ${RCS_LIMITS.suggestionsPerCard} suggestions`)
      .optional(),
  })
  .strict()
  .refine((card) => card.title || card.description || card.media, "a card needs a title, a description or a media")

/** Suggestion chips under the message, outside any card. */
const chips = z
  .array(rcsSuggestionSchema)
  .max(RCS_LIMITS.suggestionsPerMessage, `a message holds at most ${RCS_LIMITS.suggestionsPerMessage} suggestion chips`)
  .optional()

export const rcsPayloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("card"), card: rcsCardSchema, suggestions: chips }).strict(),
  z
    .object({
      type: z.literal("carousel"),
      card_width: z.enum(["small", "medium"]).default("medium"),
      cards: z
        .array(rcsCardSchema)
        .min(RCS_LIMITS.carouselMinCards, `a carousel holds at least ${RCS_LIMITS.carouselMinCards} cards`)
        .max(RCS_LIMITS.carouselMaxCards, `a carousel holds at most ${RCS_LIMITS.carouselMaxCards} cards`),
      suggestions: chips,
    })
    .strict(),
])

export type RcsSuggestion = z.output<typeof rcsSuggestionSchema>
export type RcsCard = z.output<typeof rcsCardSchema>
export type RcsPayload = z.output<typeof rcsPayloadSchema>

/** Every text of a payload that may hold variables, with its path, for validation and rendering. */
export function rcsTexts(payload: RcsPayload): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  const suggestions = (list: RcsSuggestion[] | undefined, at: string) =>
    list?.forEach((s, i) => {
      out.push({ path: `${at}.${i}.text`, text: s.text })
      if (s.type === "open_url") out.push({ path: `${at}.${i}.url`, text: s.url })
      if (s.type === "create_calendar_event") {
        out.push({ path: `${at}.${i}.title`, text: s.title })
        if (s.description) out.push({ path: `${at}.${i}.description`, text: s.description })
      }
      if (s.postback_data) out.push({ path: `${at}.${i}.postback_data`, text: s.postback_data })
    })
  const card = (c: RcsCard, at: string) => {
    if (c.title) out.push({ path: `${at}.title`, text: c.title })
    if (c.description) out.push({ path: `${at}.description`, text: c.description })
    if (c.media) out.push({ path: `${at}.media.url`, text: c.media.url })
    suggestions(c.suggestions, `${at}.suggestions`)
  }
  if (payload.type === "card") card(payload.card, "card")
  else payload.cards.forEach((c, i) => card(c, `cards.${i}`))
  suggestions(payload.suggestions, "suggestions")
  return out
}

/** The payload with each text passed through `render` (variables filled in). */
export function mapRcsTexts(payload: RcsPayload, render: (text: string) => string): RcsPayload {
  const suggestion = (s: RcsSuggestion): RcsSuggestion => ({
    ...s,
    text: render(s.text),
    ...(s.type === "open_url" ? { url: render(s.url) } : {}),
    ...(s.type === "create_calendar_event"
      ? { title: render(s.title), ...(s.description ? { description: render(s.description) } : {}) }
      : {}),
    ...(s.postback_data ? { postback_data: render(s.postback_data) } : {}),
  })
  const card = (c: RcsCard): RcsCard => ({
    ...c,
    ...(c.title ? { title: render(c.title) } : {}),
    ...(c.description ? { description: render(c.description) } : {}),
    ...(c.media ? { media: { ...c.media, url: render(c.media.url) } } : {}),
    ...(c.suggestions ? { suggestions: c.suggestions.map(suggestion) } : {}),
  })
  const chipsOut = payload.suggestions ? { suggestions: payload.suggestions.map(suggestion) } : {}
  return payload.type === "card"
    ? { ...payload, card: card(payload.card), ...chipsOut }
    : { ...payload, cards: payload.cards.map(card), ...chipsOut }
}
