import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import { sha256Of } from "../../../../../modules/messaging/consent/consent-import"
import type { AdminImportConsentsBodyType } from "../validators"

/** A file refused whole: too many rows is too large (413); a row too long is a wrong file (400). */
const LIMIT_STATUS = { too_many_rows: 413, row_too_long: 400 } as const

/**
 * POST /admin/messaging/consents/import `{ csv, dry_run?, csv_sha256? }` — existing subscribers with
 * their proof. `dry_run: true` writes nothing and answers `{ dry_run, preview }`: per accepted row what
 * it changes (opt_in, opt_out, unchanged and why), the refused rows with their line, reason and codes,
 * and the file's `csv_sha256`. Without it, the good rows are recorded together and the answer is
 * `{ import_id, imported, rejected, preview }`; given the dry run's `csv_sha256`, another file is refused
 * (409). A file refused whole answers its `code` (`too_many_rows` 413, `row_too_long` 400 with its `line`),
 * which the admin translates. The import (who, how many) is written to the audit log with the rows.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminImportConsentsBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { csv, dry_run, csv_sha256 } = req.validatedBody
  if (csv_sha256 && csv_sha256 !== sha256Of(csv)) {
    res.status(409).json({ type: "conflict", code: "not_the_previewed_file", message: "This file is not the one previewed: preview it again before importing" })
    return
  }
  if (dry_run) {
    const preview = await messaging.previewConsentCsv(csv)
    if (preview.limit) {
      res.status(LIMIT_STATUS[preview.limit.code]).json({ type: "invalid_data", code: preview.limit.code, message: preview.limit.message, line: preview.limit.line })
      return
    }
    res.json({ dry_run: true, preview })
    return
  }
  const result = await messaging.importConsentCsv(csv, {
    actor_id: req.auth_context.actor_id ?? null,
    actor_type: req.auth_context.actor_type ?? null,
  })
  if (result.preview.limit) {
    res.status(LIMIT_STATUS[result.preview.limit.code]).json({ type: "invalid_data", code: result.preview.limit.code, message: result.preview.limit.message, line: result.preview.limit.line })
    return
  }
  res.status(result.imported ? 201 : 400).json(result)
}
