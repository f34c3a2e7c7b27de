import { SegmentedMessage } from "sms-segments-calculator"
// the calculator's own table, so the text sent is the one its smart encoding would produce
import SMART_ENCODING_MAP from "sms-segments-calculator/dist/libs/SmartEncodingMap"
import { isTooLongForSms, TextTooLongError } from "./length"

export type SmsEncoding = "GSM-7" | "UCS-2"

export type SegmentCount = {
  encoding: SmsEncoding
  segments: number
  /** Characters that forced UCS-2, for the template editor to highlight. */
  non_gsm_characters: string[]
}

/**
 * Counts segments the way the largest gateway bills them. Twilio's own calculator is the reference:
 * escape pairs and surrogate pairs are never split across parts, and `ç` is not GSM-7.
 * The calculator's time grows with the square of the length, so a text longer than any provider accepts
 * (MAX_SMS_CHARACTERS) is refused with a `TextTooLongError` instead of counted: callers check first.
 */
export function countSegments(text: string): SegmentCount {
  if (!text) {
    return { encoding: "GSM-7", segments: 0, non_gsm_characters: [] }
  }
  if (isTooLongForSms(text)) {
    throw new TextTooLongError(text)
  }
  const message = new SegmentedMessage(text, "auto")
  return {
    encoding: message.encodingName === "UCS-2" ? "UCS-2" : "GSM-7",
    segments: message.segmentsCount,
    non_gsm_characters: message.getNonGsmCharacters(),
  }
}

/**
 * Twilio's "smart encoding": typographic quotes, dashes, ellipses, no-break spaces and similar characters
 * become their GSM-7 look-alikes, so a pasted text does not silently double in cost. Accented letters are
 * left alone (they change the spelling, not just the look).
 */
export function smartEncode(text: string): string {
  // The calculator maps each code point through this table (and then splits graphemes, in quadratic
  // time, only to join them again): the same mapping in one pass, whatever the length.
  const map = SMART_ENCODING_MAP as unknown as Record<string, string | undefined>
  let out = ""
  for (const char of text) {
    out += map[char] ?? char
  }
  return out
}

export type NonGsmCharacter = {
  char: string
  /** Offset in the text (UTF-16 code units, as `String.prototype.slice` counts). */
  index: number
  /** A GSM-7 look-alike to use instead, or null when there is none (emoji, most scripts). */
  replacement: string | null
}

/**
 * The characters that force UCS-2, where they are and what could replace them: the editor highlights
 * them and offers a one-click fix. Typographic characters get their smart-encoding look-alike; accented
 * letters outside GSM-7 (ê, â, î, ô, û, ç …) their bare letter, which French SMS commonly uses.
 */
export function findNonGsmCharacters(text: string): NonGsmCharacter[] {
  const nonGsm = new Set(countSegments(text).non_gsm_characters)
  if (!nonGsm.size) {
    return []
  }
  const found: NonGsmCharacter[] = []
  let index = 0
  for (const char of text) {
    if (nonGsm.has(char)) {
      found.push({ char, index, replacement: gsmReplacement(char) })
    }
    index += char.length
  }
  return found
}

const isGsm = (text: string) => countSegments(text).encoding === "GSM-7"

function gsmReplacement(char: string): string | null {
  const smart = smartEncode(char)
  if (smart !== char && isGsm(smart)) {
    return smart
  }
  const bare = char.normalize("NFD").replace(/\p{M}+/gu, "")
  if (bare && bare !== char && isGsm(bare)) {
    return bare
  }
  return null
}
