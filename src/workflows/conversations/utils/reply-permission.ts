import type { MedusaContainer } from "@medusajs/framework/types"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type ReplyPermission = { allowed: boolean; code: null | "opted_out_all" | "invalid_phone" | "erased"; reason: string | null }

/**
 * Whether a reply can go to this phone now, and why not. A conversation's messages are not marketing:
 * a marketing STOP leaves them allowed (the shopper wrote to the store), STOP ALL does not.
 */
export async function replyPermission(scope: MedusaContainer, phone: string): Promise<ReplyPermission> {
  const messaging = scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const checked = checkPhone(phone, { defaultCountry: options.defaultCountry, allowedCountries: options.allowedCountries })
  if (!checked.ok) return { allowed: false, code: "invalid_phone", reason: `This number cannot receive texts from the store (${checked.detail}).` }
  const consent = await messaging.consentStateOf(phone)
  if (consent.transactional === "revoked") {
    return { allowed: false, code: "opted_out_all", reason: "This number replied STOP ALL: it receives nothing from the store until it texts START." }
  }
  return { allowed: true, code: null, reason: null }
}
