/** Digits a run must hold to be taken for a phone number (E.164 numbers have 8 to 15; short codes are not personal). */
const MIN_DIGITS = 7

const isDigit = (c: string) => c >= "0" && c <= "9"
const isSeparator = (c: string) => c === " " || c === "." || c === "-" || c === "(" || c === ")" || c === "/"

/**
 * Replaces every phone-number-like run in a text (a provider's error message, which often names the
 * number) by `[phone]`, so logs and `status_reason` keep no phone: a run of digits, optionally led by
 * `+`, with one or two separators (space, dot, dash, parentheses, slash) between digits, holding 7 digits or
 * more. One pass over the text, no regular expression (no backtracking).
 */
export function redactPhones(text: string): string {
  let out = ""
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (!(isDigit(c) || (c === "+" && isDigit(text[i + 1] ?? "")))) {
      out += c
      i++
      continue
    }
    // a run: digits with single separators between them
    let end = c === "+" ? i + 1 : i
    let digits = 0
    let lastDigitEnd = end
    while (end < text.length) {
      if (isDigit(text[end])) {
        digits++
        end++
        lastDigitEnd = end
      } else if (isSeparator(text[end]) && isDigit(text[end + 1] ?? "")) {
        end++
      } else if (isSeparator(text[end]) && isSeparator(text[end + 1] ?? "") && isDigit(text[end + 2] ?? "")) {
        // "1 (415) 555": two separators at most between digits
        end += 2
      } else {
        break
      }
    }
    if (digits >= MIN_DIGITS) {
      out += "[phone]"
    } else {
      out += text.slice(i, lastDigitEnd)
    }
    i = Math.max(lastDigitEnd, i + 1)
  }
  return out
}
