import type { NonGsmCharacter } from "./templates"

/** A non-GSM character found in the text, with where it sits (UTF-16 offsets, as `String#slice` counts). */
export type LocatedCharacter = NonGsmCharacter & { start: number; end: number }

/**
 * Places each character the preview reported in `text`. The API gives an index into the submitted text;
 * it is taken as a UTF-16 offset, or else as a code point offset (emoji count once), and dropped when the
 * character is not there (the text changed since the preview).
 */
export function locateNonGsm(text: string, characters: NonGsmCharacter[]): LocatedCharacter[] {
  let codePointOffsets: number[] | null = null
  const located: LocatedCharacter[] = []
  for (const c of characters) {
    if (!c.char) continue
    let start = -1
    if (text.slice(c.index, c.index + c.char.length) === c.char) {
      start = c.index
    } else {
      if (!codePointOffsets) {
        codePointOffsets = []
        let offset = 0
        for (const point of text) {
          codePointOffsets.push(offset)
          offset += point.length
        }
      }
      const offset = codePointOffsets[c.index]
      if (offset !== undefined && text.slice(offset, offset + c.char.length) === c.char) start = offset
    }
    if (start >= 0 && !located.some((l) => l.start === start)) {
      located.push({ ...c, start, end: start + c.char.length })
    }
  }
  return located.sort((a, b) => a.start - b.start)
}

/** `text` with each located character that has a GSM-7 replacement replaced; the others stay. */
export function applyGsmReplacements(text: string, located: LocatedCharacter[]): { text: string; fixed: number } {
  let out = text
  let fixed = 0
  for (const c of [...located].sort((a, b) => b.start - a.start)) {
    if (c.replacement === null || c.replacement === undefined) continue
    out = out.slice(0, c.start) + c.replacement + out.slice(c.end)
    fixed++
  }
  return { text: out, fixed }
}

/** One kind of change Fix makes: `from` becomes `to`, `count` times. */
export type GsmReplacementSummary = { from: string; to: string; count: number }

/**
 * What Fix will change, grouped by character in the order they first appear ("ê → e (3×)"), so the owner
 * reads it before accepting: replacing accents changes the spelling, not only the look.
 */
export function summarizeReplacements(located: LocatedCharacter[]): GsmReplacementSummary[] {
  const byChar = new Map<string, GsmReplacementSummary>()
  for (const c of located) {
    if (c.replacement === null || c.replacement === undefined) continue
    const seen = byChar.get(c.char)
    if (seen) seen.count++
    else byChar.set(c.char, { from: c.char, to: c.replacement, count: 1 })
  }
  return [...byChar.values()]
}
