/**
 * The longest text a provider accepts in one message: Twilio refuses a body over 1,600 characters
 * (error 21617), and Google RBM's text messages stop at 3,072 bytes. Nothing longer is ever sent, so
 * nothing longer is counted either: Twilio's segment calculator, the billing reference, takes time that
 * grows with the square of the length (tens of seconds at 100,000 characters).
 */
export const MAX_SMS_CHARACTERS = 1_600

/**
 * Characters as providers count them (Unicode code points: an emoji is one, not two UTF-16 units),
 * in one pass.
 */
export function smsCharacters(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    // a high surrogate followed by a low one is a single character
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

/** Whether the text is longer than a provider accepts. */
export const isTooLongForSms = (text: string) => text.length > MAX_SMS_CHARACTERS && smsCharacters(text) > MAX_SMS_CHARACTERS

/** Why a text cannot be sent, in words an owner can act on; `what` names it ("the SMS text"). */
export function tooLongMessage(text: string, what = "the text"): string {
  return `${what} is ${smsCharacters(text).toLocaleString("en-US")} characters long; providers accept at most ${MAX_SMS_CHARACTERS.toLocaleString("en-US")} (Twilio's limit): shorten it`
}

/** Thrown instead of counting a text no provider would accept. */
export class TextTooLongError extends Error {
  readonly characters: number
  constructor(text: string, what?: string) {
    const message = tooLongMessage(text, what)
    super(message.charAt(0).toUpperCase() + message.slice(1))
    this.name = "TextTooLongError"
    this.characters = smsCharacters(text)
  }
}
