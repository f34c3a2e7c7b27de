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

export function parseConsentCsv(csv: string, defaultCountry?: string): ImportReport {
  let records: Record<string, string>[]
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      // stop reading past the limits: a 10-million-row file is never held whole in memory
      max_record_size: MAX_IMPORT_ROW_CHARS,
      to: MAX_IMPORT_ROWS + 1,
    })
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
  records.forEach((record, index) => {
    const line = index + 2
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
