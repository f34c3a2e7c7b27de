import { generateEntityId } from "@medusajs/framework/utils"
import { parseConsentCsv } from "../../../lib/consent"
import type { AuditActor, AuditLog } from "../audit/audit-log"
import type { ConsentStore } from "./consent-store"

/**
 * Imports existing subscribers from CSV: every good row is recorded (source "import", with its line
 * and note as evidence) in one transaction with its audit entry, and every bad row is reported with its
 * line and reason.
 */
export async function importConsentCsv(consents: ConsentStore, audit: AuditLog, csv: string, actor: AuditActor, defaultCountry?: string) {
  const report = parseConsentCsv(csv, defaultCountry)
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
  return { import_id: importId, imported: report.good.length, rejected: report.bad }
}
