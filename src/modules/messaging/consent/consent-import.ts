import { createHash } from "node:crypto"
import { generateEntityId } from "@medusajs/framework/utils"
import { parseConsentCsv, type FileLimit, type ImportedConsent, type ImportReport, type RejectedRow } from "../../../lib/consent"
import type { AuditActor, AuditLog } from "../audit/audit-log"
import type { ConsentQueries } from "./consent-queries"
import type { ConsentStore } from "./consent-store"

/**
 * What one accepted row does to the number's consent: `opt_in` / `opt_out` when it changes the current
 * state; `unchanged` when the number already has that state, or when the row is older than the event that
 * set the current state (the ledger keeps the latest event's word; `why` says which).
 */
export type ImportChange = "opt_in" | "opt_out" | "unchanged"
export type PreviewRow = {
  line: number
  phone: string
  purpose: ImportedConsent["purpose"]
  action: ImportedConsent["action"]
  occurred_at: Date
  change: ImportChange
  why?: "same_state" | "older_than_current"
  /** The state before this row (null: no consent yet). */
  before: string | null
}

export type ImportPreview = {
  /** The file's fingerprint: the import applies only the file that was previewed (see `importConsentCsv`). */
  csv_sha256: string
  rows: PreviewRow[]
  rejected: RejectedRow[]
  summary: { opt_ins: number; opt_outs: number; unchanged: number; rejected: number }
  limit?: FileLimit
}

export const sha256Of = (csv: string) => createHash("sha256").update(csv).digest("hex")

/**
 * The dry run of an import: the file parsed as the import parses it, and each accepted row folded over the
 * numbers' current consent by the ledger's rule — the latest event wins (a tie goes to the later one,
 * which an import row is), a state "pending" gives way to any grant or revoke — so the preview says what
 * the import will change, row by row. Nothing is written.
 */
export async function previewConsentCsv(queries: ConsentQueries, csv: string, defaultCountry?: string): Promise<ImportPreview> {
  return previewOf(queries, csv, parseConsentCsv(csv, defaultCountry))
}

async function previewOf(queries: ConsentQueries, csv: string, report: ImportReport): Promise<ImportPreview> {
  const csv_sha256 = sha256Of(csv)
  if (report.limit) {
    return { csv_sha256, rows: [], rejected: [], summary: { opt_ins: 0, opt_outs: 0, unchanged: 0, rejected: 0 }, limit: report.limit }
  }
  const phones = [...new Set(report.good.map((r) => r.phone))]
  const current = new Map<string, { status: string; at: number }>()
  if (phones.length) {
    // the import records channel "all" events: the state they fold into
    const states = (await queries.statesOf(phones)).filter((s) => s.channel === "all")
    for (const s of states) current.set(`${s.phone}|${s.purpose}`, { status: s.status, at: s.last_event_at?.getTime() ?? -Infinity })
  }
  const rows: PreviewRow[] = report.good.map((r) => {
    const key = `${r.phone}|${r.purpose}`
    const state = current.get(key)
    const status = r.action === "grant" ? "granted" : "revoked"
    const at = r.occurred_at.getTime()
    const base = { line: r.line, phone: r.phone, purpose: r.purpose, action: r.action, occurred_at: r.occurred_at, before: state?.status ?? null }
    if (state && state.status !== "pending" && state.at > at) return { ...base, change: "unchanged", why: "older_than_current" }
    current.set(key, { status, at })
    if (state?.status === status) return { ...base, change: "unchanged", why: "same_state" }
    return { ...base, change: r.action === "grant" ? "opt_in" : "opt_out" }
  })
  const count = (change: ImportChange) => rows.filter((r) => r.change === change).length
  return {
    csv_sha256,
    rows,
    rejected: report.bad,
    summary: { opt_ins: count("opt_in"), opt_outs: count("opt_out"), unchanged: count("unchanged"), rejected: report.bad.length },
  }
}

/**
 * Imports existing subscribers from CSV: every good row is recorded (source "import", with its line
 * and note as evidence) in one transaction with its audit entry, and every bad row is reported with its
 * line and reason. The answer carries the preview of the same file (what changed, row by row).
 */
export async function importConsentCsv(
  queries: ConsentQueries,
  consents: ConsentStore,
  audit: AuditLog,
  csv: string,
  actor: AuditActor,
  defaultCountry?: string
) {
  const report = parseConsentCsv(csv, defaultCountry)
  const preview = await previewOf(queries, csv, report)
  if (preview.limit) return { import_id: null, imported: 0, rejected: [], preview }
  const importId = generateEntityId(undefined, "smsimp")
  await consents.recordMany(
    report.good.map((r) => ({
      phone: r.phone,
      purpose: r.purpose,
      action: r.action,
      source: "import" as const,
      occurred_at: r.occurred_at,
      wording: r.wording,
      wording_version: r.wording_version,
      customer_id: r.customer_id,
      ip: r.ip,
      locale: r.locale,
      evidence: { import_id: importId, line: r.line, note: r.note, imported_by: actor.actor_id },
    })),
    (trx) =>
      audit.record(trx, {
        ...actor,
        action: "consent.import",
        subject: { import_id: importId },
        summary: { imported: report.good.length, rejected: report.bad.length },
      })
  )
  return { import_id: importId, imported: report.good.length, rejected: report.bad, preview }
}
