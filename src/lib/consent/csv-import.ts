import { parse } from "csv-parse/sync"
import { z } from "zod"
import { checkPhone } from "../phone"

/**
 * Existing subscribers, with their proof, from a CSV file with a header row:
 * `phone,purpose,action,occurred_at,wording,wording_version,note[,customer_id,country_code,ip,locale]`.
 * Every row is checked on its own; the good ones are kept and each bad one is reported with its line
 * (the header is line 1) and the reason.
 */
const row = z
  .object({
    phone: z.string().min(1, "phone is empty"),
    purpose: z.enum(["marketing", "transactional"], { error: 'purpose must be "marketing" or "transactional"' }),
    action: z.enum(["grant", "revoke"], { error: 'action must be "grant" or "revoke"' }),
    occurred_at: z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), "occurred_at is not a date (use ISO 8601, e.g. 2025-03-14T10:00:00Z)")
      .refine((v) => Number.isNaN(Date.parse(v)) || Date.parse(v) <= Date.now() + 60_000, "occurred_at is in the future"),
    wording: z.string().min(1, "wording is empty: say what the subscriber agreed to"),
    wording_version: z.string().optional().default(""),
    note: z.string().min(3, "note is empty: say where this consent was collected"),
    customer_id: z.string().optional(),
    country_code: z.string().regex(/^[A-Za-z]{2}$/, "country_code must be two letters").optional().or(z.literal("")),
    ip: z.string().optional(),
    locale: z.string().optional(),
  })
  .passthrough()

export type ImportedConsent = {
  line: number
  phone: string
  purpose: "marketing" | "transactional"
  action: "grant" | "revoke"
  occurred_at: Date
  wording: string
  wording_version: string | null
  note: string
  customer_id: string | null
  ip: string | null
  locale: string | null
}

/** Why a row is refused, as a code the admin translates: one per problem found in the row. */
export type RejectionCode =
  | "missing_phone"
  | "unknown_purpose"
  | "unknown_action"
  | "invalid_date"
  | "future_date"
  | "missing_wording"
  | "missing_proof"
  | "invalid_country"
  | "unreadable_csv"
  | string

export type RejectedRow = { line: number; reason: string; codes: RejectionCode[] }

/** A file refused whole, before any row is read as consent (too many rows, a row far too long). */
export type FileLimit = { code: "too_many_rows" | "row_too_long"; message: string; line?: number }

export type ImportReport = { good: ImportedConsent[]; bad: RejectedRow[]; limit?: FileLimit }

/** Rows per import: past it, the admin splits the file (one transaction per import keeps it all or nothing). */
export const MAX_IMPORT_ROWS = 10_000
/** Characters in one row: no consent row needs 100 KB; a longer one is a wrong file, refused before it is held. */
export const MAX_IMPORT_ROW_CHARS = 100_000

/** The code of a row problem, from the column zod found it in. */
function codeOf(issue: { path: PropertyKey[]; message: string }): RejectionCode {
  switch (issue.path[0]) {
    case "phone":
      return "missing_phone"
    case "purpose":
      return "unknown_purpose"
    case "action":
      return "unknown_action"
    case "occurred_at":
      return issue.message.includes("future") ? "future_date" : "invalid_date"
    case "wording":
      return "missing_wording"
    case "note":
      return "missing_proof"
    case "country_code":
      return "invalid_country"
    default:
      return "invalid_row"
  }
}

/**
 * The line each record starts on, as a text editor numbers them (the header is line 1; `\r\n`, `\n` or a
 * lone `\r` ends a line; the blank lines csv-parse skips count; a quoted note over two lines takes two).
 * Read from csv-parse's own `info.bytes` (where the record ends in the file) rather than `info.lines`,
 * which counts a `\r\n` inside a quoted field as two lines. Called once per record, in order: each byte
 * is looked at once.
 */
function lineCounter(file: Buffer): (recordEnd: number) => number {
  let pos = 0
  let line = 1
  return (recordEnd) => {
    // the blank lines (empty, or spaces and tabs only) before the record
    for (let i = pos; i < recordEnd; i++) {
      const c = file[i]
      if (c === 0x20 || c === 0x09) continue
      if (c !== 0x0a && c !== 0x0d) break
      i += c === 0x0d && file[i + 1] === 0x0a ? 1 : 0
      line++
      pos = i + 1
    }
    const start = line
    // the record's own line breaks: inside quoted fields and its delimiter
    for (let i = pos; i < recordEnd; i++) {
      const c = file[i]
      if (c === 0x0a) line++
      else if (c === 0x0d) {
        if (file[i + 1] === 0x0a) i++
        line++
      }
    }
    pos = recordEnd
    return start
  }
}

export function parseConsentCsv(csv: string, defaultCountry?: string): ImportReport {
  let records: { record: Record<string, string>; line: number }[]
  try {
    // the header is read here, not by csv-parse's `columns`, so that its line is counted like the others'
    // with `info: true` each record comes as { record, info }; csv-parse's types do not say so
    const parsed = parse(csv, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      // stop reading past the limits: a 10-million-row file is never held whole in memory
      max_record_size: MAX_IMPORT_ROW_CHARS,
      to: MAX_IMPORT_ROWS + 2,
    }) as unknown as { record: string[]; info: { bytes: number } }[]
    const lineOf = lineCounter(Buffer.from(csv, "utf8"))
    const [header, ...rows] = parsed
    if (header) lineOf(header.info.bytes)
    const columns = header?.record.map((c) => c.trim().toLowerCase()) ?? []
    records = rows.map(({ record, info }) => ({
      record: Object.fromEntries(columns.map((c, i) => [c, record[i]])),
      line: lineOf(info.bytes),
    }))
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0
    if ((error as { code?: string }).code === "CSV_MAX_RECORD_SIZE") {
      const message = `line ${line} is longer than ${MAX_IMPORT_ROW_CHARS / 1000} KB: no consent row needs that much; is this the consent file?`
      return { good: [], bad: [], limit: { code: "row_too_long", message, line } }
    }
    return { good: [], bad: [{ line, reason: `not a readable CSV: ${(error as Error).message}`, codes: ["unreadable_csv"] }] }
  }
  if (records.length > MAX_IMPORT_ROWS) {
    const message = `the file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows: import it in parts of at most ${MAX_IMPORT_ROWS.toLocaleString("en")}`
    return { good: [], bad: [], limit: { code: "too_many_rows", message } }
  }
  const report: ImportReport = { good: [], bad: [] }
  records.forEach(({ record, line }) => {
    const parsed = row.safeParse(record)
    if (!parsed.success) {
      report.bad.push({
        line,
        reason: parsed.error.issues.map((i) => i.message).join("; "),
        codes: parsed.error.issues.map((i) => codeOf(i)),
      })
      return
    }
    const r = parsed.data
    const phone = checkPhone(r.phone, { defaultCountry: r.country_code || defaultCountry })
    if (!phone.ok) {
      report.bad.push({ line, reason: `${phone.reason}: ${phone.detail}`, codes: [phone.reason] })
      return
    }
    report.good.push({
      line,
      phone: phone.e164,
      purpose: r.purpose,
      action: r.action,
      occurred_at: new Date(r.occurred_at),
      wording: r.wording,
      wording_version: r.wording_version || null,
      note: r.note,
      customer_id: r.customer_id || null,
      ip: r.ip || null,
      locale: r.locale || null,
    })
  })
  return report
}
