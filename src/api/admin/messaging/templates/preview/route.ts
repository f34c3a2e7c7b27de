import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkDraft, previewDraft } from "../draft"
import type { AdminPreviewTemplateBodyType } from "../validators"

/**
 * POST /admin/messaging/templates/preview — the draft rendered with sample values, its encoding,
 * segments and cost, and its problems (reported, not refused: the editor shows them as the owner types).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewTemplateBodyType>, res: MedusaResponse) {
  const draft = req.validatedBody
  res.json(await previewDraft(req.scope, draft, checkDraft(draft)))
}
