import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { prepareVariants } from "../../../../../workflows/campaigns/utils/prepare-variants"
import { renderForRecipient } from "../../../../../lib/campaigns"
import { findNonGsmCharacters } from "../../../../../lib/sms-encoding"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminPreviewCampaignTextBodyType } from "../validators"

/**
 * POST /admin/messaging/campaigns/preview { sms_body | template_key, rcs_payload?, locale? } — a variant
 * as a sample recipient (Camille Martin, the store's default country) would receive it: with the opt-out
 * mention, a tracked link, its encoding, segments and cost. Same shape as the template preview, so the
 * builder shows it with the same phone and meter.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewCampaignTextBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const body = req.validatedBody
  const { variants, context } = await prepareVariants(req.scope, {
    id: "preview",
    locale: body.locale ?? null,
    variants: [{ id: "preview", name: "Preview", weight: 100, ...body }],
  })
  const country = messaging.getOptions().defaultCountry ?? null
  const text = renderForRecipient(variants[0], { first_name: "Camille", last_name: "Martin", country }, context)
  if (text.problem) {
    // e.g. a stored template, or the opt-out mention, takes the text past what a provider accepts
    const message = text.problem.replace(/^text_too_long: /, "")
    res.status(400).json({ type: "invalid_data", message, problems: [{ path: "sms_body", message }] })
    return
  }
  res.json({
    body: text.body,
    encoding: text.encoding,
    segments: text.segments,
    characters: [...text.body].length,
    non_gsm: findNonGsmCharacters(text.body),
    cost: text.cost ?? null,
    rcs: text.rich_payload,
    problems: [],
  })
}
