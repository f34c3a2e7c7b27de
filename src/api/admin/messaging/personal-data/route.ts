import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportPersonalDataWorkflow } from "../../../../workflows/personal-data/personal-data"
import { subjectWithE164 } from "./subject"
import type { AdminPersonalDataParamsType } from "./validators"

/**
 * GET /admin/messaging/personal-data?phone=…|customer_id=… — GDPR access: everything held about the
 * person's proven phones, as a JSON download; recorded in the audit log. The phone in any form (read in
 * the store's country); one that cannot be read answers 400.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = subjectWithE164(req, res, req.validatedQuery as AdminPersonalDataParamsType)
  if (!query) return
  const { result } = await exportPersonalDataWorkflow(req.scope).run({
    input: { ...query, actor: { actor_id: req.auth_context.actor_id ?? null, actor_type: req.auth_context.actor_type ?? null } },
  })
  res.setHeader("content-disposition", `attachment; filename="sms-rcs-personal-data.json"`)
  res.json(result)
}
