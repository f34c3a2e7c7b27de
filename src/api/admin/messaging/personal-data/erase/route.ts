import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { erasePersonalDataWorkflow } from "../../../../../workflows/personal-data/personal-data"
import type { AdminErasePersonalDataBodyType } from "../validators"

/** POST /admin/messaging/personal-data/erase — GDPR erasure; answers what was erased; recorded in the audit log. */
export async function POST(req: AuthenticatedMedusaRequest<AdminErasePersonalDataBodyType>, res: MedusaResponse) {
  const { result } = await erasePersonalDataWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor: { actor_id: req.auth_context.actor_id ?? null, actor_type: req.auth_context.actor_type ?? null } },
  })
  res.json({ erased: result })
}
