import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkDraft, previewDraft } from "../draft"
import type { AdminPreviewTemplateBodyType } from "../validators"

/**
 * POST /admin/messaging/templates/preview — the draft rendered with sample values, its encoding,
 * segments and cost, and its problems (reported, not refused: the editor shows them as the owner types).
 * A text longer than a provider accepts (1,600 characters), as written or once filled in, is refused
 * with a 400 instead: it is never counted.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewTemplateBodyType>, res: MedusaResponse) {
  const draft = req.validatedBody
  const preview = await previewDraft(req.scope, draft, checkDraft(draft))
  if ("refused" in preview) {
    res.status(400).json(preview.refused)
    return
  }
  res.json(preview)
}
