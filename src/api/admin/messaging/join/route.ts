import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { fallbackLocale } from "../../../../workflows/utils/store-facts"

const E164 = /^\+[1-9]\d{6,14}$/

/**
 * GET /admin/messaging/join — text-to-join as the admin shows it: the keywords per locale, the number
 * shoppers text (`conversations.join.number`, else the SMS gateway's `from`) and the `sms:` link its QR
 * code holds, with the keyword of the store's language. No number (a messaging service, the sandbox):
 * `number` and `sms_link` are null and the admin says where to set one.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const options = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const join = options.conversations.join
  const gateway = (options as unknown as Record<string, { from?: unknown } | undefined>)[options.provider]
  const from = typeof gateway?.from === "string" && E164.test(gateway.from) ? gateway.from : null
  const number = join.number ?? from
  const locale = await fallbackLocale(req.scope, options.defaultLocale)
  const language = locale.toLowerCase().split(/[-_]/)[0]
  const keyword = join.keywords[locale] ?? join.keywords[language] ?? Object.values(join.keywords)[0] ?? null
  res.json({
    enabled: join.enabled,
    keywords: join.keywords,
    number,
    sms_link: join.enabled && number && keyword ? `sms:${number}?body=${encodeURIComponent(keyword)}` : null,
  })
}
