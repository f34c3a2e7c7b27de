/**
 * MMS where it is the norm: a text with an image to US and Canadian numbers, through a gateway that
 * sends MMS (Twilio). Everywhere else the shopper gets the SMS text alone (its links included): MMS
 * abroad is costly, often converted to a link by carriers, and refused by many routes.
 */
export const MMS_COUNTRIES: ReadonlySet<string> = new Set(["US", "CA"])
/** SMS gateways that send MMS. */
export const MMS_GATEWAYS: ReadonlySet<string> = new Set(["twilio"])

/** A template's image: a public http(s) URL, as Twilio fetches it (or a variable that renders to one). */
export const MEDIA_URL = /^(https?:\/\/\S+|\{\{\{?\s*[\w.]+\s*\}?\}\}\S*)$/

/** The image to send with this text, or null: it goes as SMS. */
export function mmsMedia(input: { media_url: string | null | undefined; channel: "sms" | "rcs"; country: string | null; gateway: string }): string | null {
  if (!input.media_url || input.channel !== "sms") return null
  if (!input.country || !MMS_COUNTRIES.has(input.country) || !MMS_GATEWAYS.has(input.gateway)) return null
  return /^https?:\/\/\S+$/.test(input.media_url) ? input.media_url : null
}
