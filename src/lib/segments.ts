import { SegmentedMessage } from "sms-segments-calculator"

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
 */
export function countSegments(text: string): SegmentCount {
  if (!text) {
    return { encoding: "GSM-7", segments: 0, non_gsm_characters: [] }
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
  return new SegmentedMessage(text, "auto", true).graphemes.join("")
}
