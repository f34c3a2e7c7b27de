import { RCS_LIMITS, type RcsCard, type RcsPayload } from "../rcs/payload"

/** A suggested product as a message shows it: `{{recommendations}}` is given a list of these. */
export type RecommendedProduct = { title: string; url: string | null; image?: string | null }

/** A title longer than this is cut: three of them and their links must leave room for the rest of a text. */
const MAX_TITLE = 60
const isHttpUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\/\S+$/.test(url)
// "..." rather than "…": the ellipsis is not GSM-7
const cut = (title: string) => (title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 3).trimEnd()}...` : title)

function isRecommendationList(value: unknown): value is RecommendedProduct[] {
  return Array.isArray(value) && value.every((p) => typeof p === "object" && p !== null && typeof (p as RecommendedProduct).title === "string")
}

/**
 * "Linen shirt - https://…", one product a line: how `{{recommendations}}` reads in a text. A hyphen, not
 * the en dash: the dash is not GSM-7 and would make the whole text UCS-2 (more than twice the segments).
 */
export function recommendationsText(products: readonly RecommendedProduct[]): string {
  return products.map((p) => (p.url ? `${cut(p.title)} - ${p.url}` : cut(p.title))).join("\n")
}

/**
 * The template's RCS variant with one card per suggested product after its own card(s): a carousel the
 * shopper swipes, each product a tap away. Carousels hold 2 to 10 cards; a variant already at 10 is left
 * as it is.
 */
export function withRecommendationCards(rcs: RcsPayload, products: readonly RecommendedProduct[], locale: string): RcsPayload {
  const fr = locale.toLowerCase().startsWith("fr")
  const own: RcsCard[] = rcs.type === "card" ? [rcs.card] : rcs.cards
  const room = RCS_LIMITS.carouselMaxCards - own.length
  if (room <= 0 || !products.length) return rcs
  const cards: RcsCard[] = products.slice(0, room).map((p) => ({
    title: cut(p.title),
    ...(isHttpUrl(p.image) ? { media: { url: p.image, height: "medium" as const } } : {}),
    ...(isHttpUrl(p.url)
      ? { suggestions: [{ type: "open_url" as const, text: fr ? "Voir l’article" : "See it", url: p.url, postback_data: "recommendation_open" }] }
      : {}),
  }))
  return {
    type: "carousel",
    card_width: rcs.type === "carousel" ? rcs.card_width : "medium",
    cards: [...own, ...cards],
    ...(rcs.suggestions ? { suggestions: rcs.suggestions } : {}),
  }
}

/**
 * `{{recommendations}}` given as a list of products (workflows/utils/recommendations.ts): the text gets
 * the short list, and `cards` says which products an RCS variant shows as a carousel after its own card
 * (see `withRecommendationCards`: added once the variant is filled in, so a product's title is never read
 * as a template). Cards only when the text uses the variable: passing it to a template that does not
 * changes nothing. Other values pass as they are.
 */
export function applyRecommendations(input: { text: string; variables: Record<string, unknown> }): {
  variables: Record<string, unknown>
  cards: RecommendedProduct[] | null
} {
  const list = input.variables.recommendations
  if (!isRecommendationList(list)) return { variables: input.variables, cards: null }
  const variables = { ...input.variables, recommendations: list.length ? recommendationsText(list) : null }
  // a plain look for the name: the text was checked when saved, and a ready body may be no template at all
  const used = /\{\{\{?\s*[#^]?\s*recommendations\s*\}/.test(input.text)
  return { variables, cards: used && list.length ? list : null }
}
