import { randomInt } from "node:crypto"

/**
 * Letters and digits a shopper cannot misread when typing a code from a text: no 0/O, 1/I/L, nor U/V
 * (28 symbols; 8 of them give 28^8 ≈ 3.8 · 10^11 codes, so guessing one of a store's live codes is hopeless).
 */
export const OFFER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ3456789"
export const OFFER_CODE_RANDOM_LENGTH = 8

/**
 * A new single-use code derived from the store's promotion code: `WELCOME10-7KQ2M9XP`. The random part
 * comes from the operating system's CSPRNG (`crypto.randomInt`, no modulo bias). The prefix keeps only
 * letters, digits, `_` and `-` (a promotion code may hold anything the admin typed) and is cut to 20.
 */
export function generateOfferCode(baseCode: string | null | undefined, length = OFFER_CODE_RANDOM_LENGTH): string {
  let random = ""
  for (let i = 0; i < length; i++) {
    random += OFFER_CODE_ALPHABET[randomInt(OFFER_CODE_ALPHABET.length)]
  }
  const prefix = (baseCode ?? "").toUpperCase().replace(/[^A-Z0-9_-]/g, "").replace(/-+$/, "").slice(0, 20)
  return prefix ? `${prefix}-${random}` : random
}

/**
 * What a message's text holds in place of `{{offer_code}}` and `{{offer_expires}}` until the message is
 * about to go: the code is created only for a message that passed its checks (consent, quiet hours, caps),
 * never for one that is skipped or suppressed. Plain GSM-7 characters, so the encoding does not change.
 */
export const OFFER_CODE_PLACEHOLDER = "%%OFFER_CODE%%"
export const OFFER_EXPIRES_PLACEHOLDER = "%%OFFER_EXPIRES%%"

/** True when a message still waits for its code (in its text or its RCS variant). */
export function awaitsOfferCode(body: string | null | undefined, richPayload?: unknown): boolean {
  if (body?.includes(OFFER_CODE_PLACEHOLDER) || body?.includes(OFFER_EXPIRES_PLACEHOLDER)) return true
  if (!richPayload) return false
  const json = JSON.stringify(richPayload)
  return json.includes(OFFER_CODE_PLACEHOLDER) || json.includes(OFFER_EXPIRES_PLACEHOLDER)
}

/** The text with its code and end date in place of the placeholders. */
export function fillOfferCode(text: string, code: string, expires: string): string {
  return text.split(OFFER_CODE_PLACEHOLDER).join(code).split(OFFER_EXPIRES_PLACEHOLDER).join(expires)
}

/** The RCS variant with its code and end date filled in (every string in it). */
export function fillOfferCodeInPayload<T>(payload: T, code: string, expires: string): T {
  if (typeof payload === "string") return fillOfferCode(payload, code, expires) as T
  if (Array.isArray(payload)) return payload.map((item) => fillOfferCodeInPayload(item, code, expires)) as T
  if (payload && typeof payload === "object") {
    return Object.fromEntries(
      Object.entries(payload as Record<string, unknown>).map(([k, v]) => [k, fillOfferCodeInPayload(v, code, expires)])
    ) as T
  }
  return payload
}

/** When the code ends, as the recipient reads it: "3 Dec, 15:00" in their locale and zone. */
export function formatOfferExpiry(at: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(at)
  } catch {
    return at.toISOString().slice(0, 16).replace("T", " ") + " UTC"
  }
}

/** The offer an automation or a campaign attaches to its messages. */
export type OfferSetting = { promotion_id: string; valid_hours: number }

/**
 * The worker's request for a message's code, emitted on Medusa's event bus: the worker lives in the
 * messaging module, which cannot run the Promotion module's workflows itself; the plugin's subscriber
 * (subscribers/offer-code-requested.ts) creates the code and queues the message again.
 */
export const OFFER_CODE_REQUESTED_EVENT = "sms-rcs.offer_code.requested"
export const AWAITING_OFFER_CODE = "waiting for its offer code"
