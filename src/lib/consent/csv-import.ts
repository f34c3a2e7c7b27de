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

export type ImportReport = { good: ImportedConsent[]; bad: { line: number; reason: string }[] }

export function parseConsentCsv(csv: string, defaultCountry?: string): ImportReport {
  let records: Record<string, string>[]
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true })
  } catch (error) {
    return { good: [], bad: [{ line: (error as { lines?: number }).lines ?? 0, reason: `not a readable CSV: ${(error as Error).message}` }] }
  }
  const report: ImportReport = { good: [], bad: [] }
  records.forEach((record, index) => {
    const line = index + 2
    const parsed = row.safeParse(record)
    if (!parsed.success) {
      report.bad.push({ line, reason: parsed.error.issues.map((i) => i.message).join("; ") })
      return
    }
    const r = parsed.data
    const phone = checkPhone(r.phone, { defaultCountry: r.country_code || defaultCountry })
    if (!phone.ok) {
      report.bad.push({ line, reason: `${phone.reason}: ${phone.detail}` })
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
