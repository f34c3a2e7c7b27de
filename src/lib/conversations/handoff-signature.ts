import { createHash, createHmac, timingSafeEqual } from "crypto"

/** The header that carries the signature of a hand-off webhook: `t=<unix seconds>,v1=<hex>`. */
export const SIGNATURE_HEADER = "X-SmsRcs-Signature"
/** The header that carries the event id (the same for every attempt: receivers dedupe on it). */
export const EVENT_ID_HEADER = "X-SmsRcs-Event-Id"
/** How far a signature's time may be from the receiver's clock: a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * HMAC-SHA256 of `"<t>.<raw body>"` with the shared secret, hex. The time is inside what is signed, so it
 * cannot be changed to pass the tolerance; the body is the exact bytes sent (re-serialized JSON may differ).
 */
function hmac(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")
}

const secretsOf = (secret: string | readonly string[]): readonly string[] => (typeof secret === "string" ? [secret] : secret)

/**
 * The `X-SmsRcs-Signature` value for a body sent at `timestamp` (unix seconds; each attempt signs anew).
 * Several secrets (one being rotated): one `v1` each, so a receiver on either secret accepts it.
 */
export function signHandoff(secret: string | readonly string[], rawBody: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return [`t=${timestamp}`, ...secretsOf(secret).map((s) => `v1=${hmac(s, timestamp, rawBody)}`)].join(",")
}

export type SignatureCheck = { valid: true } | { valid: false; reason: "malformed" | "expired" | "mismatch" }

/**
 * What a receiver runs (docs/conversations.md, "Hand-off webhook"): the header parsed, its time within the
 * tolerance of `now`, and one of its `v1` values equal to ours, compared in constant time (a byte-by-byte
 * compare would tell an attacker how much of a guess is right). Several `v1` are accepted, and a receiver
 * may pass several secrets, so a secret can be rotated: the plugin signs with both for a while.
 */
export function verifyHandoff(
  secret: string | readonly string[],
  rawBody: string,
  header: string | null | undefined,
  { now = Math.floor(Date.now() / 1000), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS } = {}
): SignatureCheck {
  if (!header || header.length > 1024) return { valid: false, reason: "malformed" }
  let timestamp: number | null = null
  const signatures: string[] = []
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2)
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value)
    else if (key === "v1" && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value)
  }
  if (timestamp === null || !signatures.length) return { valid: false, reason: "malformed" }
  if (Math.abs(now - timestamp) > toleranceSeconds) return { valid: false, reason: "expired" }
  const expected = secretsOf(secret).map((key) => Buffer.from(hmac(key, timestamp, rawBody), "hex"))
  const matches = signatures.some((s) => expected.some((e) => timingSafeEqual(Buffer.from(s, "hex"), e)))
  return matches ? { valid: true } : { valid: false, reason: "mismatch" }
}

/**
 * The event id of a conversation's hand-off: a stable hash of the conversation and the time of the ask, so a
 * replayed inbound (same conversation, same time) is the same event, and the webhook goes once.
 */
export function handoffEventId(conversationId: string, at: string): string {
  const instant = new Date(at)
  const time = Number.isNaN(instant.getTime()) ? at : instant.toISOString()
  return `evt_${createHash("sha256").update(`${conversationId}\n${time}`).digest("hex").slice(0, 32)}`
}

/** A phone for the admin's feed, which every admin reads: only its last 4 digits (`•••• 0018`). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "")
  return digits.length <= 4 ? "••••" : `•••• ${digits.slice(-4)}`
}
