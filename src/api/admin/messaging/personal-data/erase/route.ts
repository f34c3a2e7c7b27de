import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { erasePersonalDataWorkflow } from "../../../../../workflows/personal-data/personal-data"
import { subjectWithE164 } from "../subject"
import type { AdminErasePersonalDataBodyType } from "../validators"

/**
 * POST /admin/messaging/personal-data/erase `{ phone | customer_id, dry_run? }` — GDPR erasure (the phone
 * in any form, read in the store's country; one that cannot be read answers 400); answers
 * `{ phones, erased }`: the numbers and what was erased, per kind. `dry_run: true` answers the same
 * counts and changes nothing (the admin's confirmation names them). The erasure is in the audit log.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminErasePersonalDataBodyType>, res: MedusaResponse) {
  const { dry_run, ...typed } = req.validatedBody
  const subject = subjectWithE164(req, res, typed)
  if (!subject) return
  const { result } = await erasePersonalDataWorkflow(req.scope).run({
    input: { ...subject, dry_run, actor: { actor_id: req.auth_context.actor_id ?? null, actor_type: req.auth_context.actor_type ?? null } },
  })
  res.json({ dry_run: !!dry_run, phones: result.phones, erased: result.erased })
}
