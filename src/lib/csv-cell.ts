/**
 * Characters that make a spreadsheet read a cell as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-2+3`,
 * `@SUM(…)`), or that some spreadsheets strip before doing so (tab, carriage return). OWASP's
 * "CSV injection" advice: such a cell is prefixed with a single quote, so it is shown as the text it is.
 */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"])

/**
 * Whether a spreadsheet could take the cell for a formula: its first character, after the leading spaces
 * some spreadsheets trim, and in its compatibility form (NFKC), since some fold fullwidth `＝` and small
 * `﹦` into `=` on input. Only the first few characters are looked at (linear, whatever the cell's size).
 */
function formulaLike(text: string): boolean {
  const head = text.slice(0, 64).trimStart().normalize("NFKC")
  return (text.length > 0 && FORMULA_START.has(text[0])) || (head.length > 0 && FORMULA_START.has(head[0]))
}

/**
 * One CSV cell: empty for null, numbers as written (a number is never a formula, and `-12.5` must stay
 * a number), text neutralised when it could be read as a formula, then quoted when it holds a comma,
 * a quote or a line break.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number" || typeof value === "bigint") return String(value)
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (formulaLike(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
