import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../../lib/phone"
import { countSegments, estimateCost, findNonGsmCharacters, smartEncode, smsCharacters } from "../../../../../lib/sms-encoding"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminPreviewReplyBodyType } from "./validators"

/**
 * POST /admin/messaging/conversations/reply-preview { body, channel, phone? } — a reply as it would go:
 * after smart encoding, its encoding, segments, characters and estimated cost at the price of the phone's
 * country. Same shape as the template preview, so the inbox shows it with the template editor's meter.
 * Nothing is rendered: a reply is the admin's own words, `{{…}}` included.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPreviewReplyBodyType>, res: MedusaResponse) {
  const options = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const { body: written, channel, phone } = req.validatedBody
  const body = options.smartEncoding ? smartEncode(written) : written
  const { encoding, segments } = countSegments(body)
  const checked = phone ? checkPhone(phone, { defaultCountry: options.defaultCountry }) : null
  const country = (checked?.ok ? checked.country : undefined) ?? options.defaultCountry ?? null
  const cost = estimateCost(options.pricing, { channel, country, segments }) ?? null
  res.json({
    rendered: true,
    body,
    encoding,
    segments,
    characters: smsCharacters(body),
    non_gsm: findNonGsmCharacters(written),
    cost,
    rcs: null,
    problems: [],
  })
}
