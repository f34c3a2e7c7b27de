/**
 * Link-preview fetchers and crawlers: messaging apps fetch a link as soon as the text arrives (iMessage
 * says facebookexternalhit/Twitterbot), which is not a shopper's tap. Their clicks are kept, flagged, and
 * left out of metrics and attribution.
 */
const BOT_USER_AGENT =
  /bot\b|crawler|spider|preview|facebookexternalhit|facebot|twitterbot|slackbot|whatsapp|telegrambot|discordbot|linkedinbot|skypeuripreview|googlebot|bingbot|yandex|baiduspider|applebot|embedly|vkshare|pinterest|redditbot|headless|curl\/|wget\/|python-requests|go-http-client|okhttp\/[0-3]\./i

export function isBotRequest(userAgent: string | null | undefined, method = "GET"): boolean {
  if (method.toUpperCase() === "HEAD") return true
  if (!userAgent?.trim()) return true
  return BOT_USER_AGENT.test(userAgent)
}
