import { createHmac, timingSafeEqual } from "crypto"

/**
 * Google RBM's webhook signature (`X-Goog-Signature`): base64 HMAC-SHA512, keyed with the webhook's client
 * token, of the base64-decoded `message.data` of the Pub/Sub-style body.
 * https://developers.google.com/business-communications/rcs-business-messaging/guides/integrate/webhooks
 */
export function rbmSignature(clientToken: string, data: string): string {
  return createHmac("sha512", clientToken).update(Buffer.from(data, "base64")).digest("base64")
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Timing-safe check of a webhook's `X-Goog-Signature` over its `message.data`. */
export function isValidRbmSignature(clientToken: string, signature: string | undefined, data: string): boolean {
  return !!signature && sameText(rbmSignature(clientToken, data), signature)
}

/** The console's handshake: the request proves it knows the client token. */
export function isRbmClientToken(clientToken: string, given: unknown): boolean {
  return typeof given === "string" && sameText(clientToken, given)
}
