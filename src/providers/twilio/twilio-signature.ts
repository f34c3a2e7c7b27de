import { createHmac, timingSafeEqual } from "crypto"

/**
 * Twilio's request signature (`X-Twilio-Signature`): base64 HMAC-SHA1, keyed with the Auth Token, of the
 * full URL Twilio called followed by every POST parameter, sorted by name, as name + value.
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams | Record<string, string>): string {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params)
  const payload = entries
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .reduce((text, [name, value]) => text + name + value, url)
  return createHmac("sha1", authToken).update(Buffer.from(payload, "utf8")).digest("base64")
}

/** Timing-safe check of a request's `X-Twilio-Signature`. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: URLSearchParams | Record<string, string>
): boolean {
  if (!signature) return false
  const expected = Buffer.from(twilioSignature(authToken, url, params))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
