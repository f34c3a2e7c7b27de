import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { storeRegionCountries } from "../../../../workflows/steps/store-facts"

/**
 * The storefront's abuse guard, shared by its consent routes: the number must be a real, textable number
 * of a country the store sells to, and an IP address or a phone prefix (the number less its last four
 * digits, as SMS pumping varies them) may only ask so often. Answers the request itself (400 or 429)
 * and returns null when it must stop.
 */
export async function guardStorefrontPhone(
  req: MedusaRequest,
  res: MedusaResponse,
  body: { phone: string; country_code?: string }
): Promise<string | null> {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const check = checkPhone(body.phone, {
    defaultCountry: body.country_code ?? options.defaultCountry,
    allowedCountries: options.allowedCountries ?? (await storeRegionCountries(req.scope)),
  })
  if (!check.ok) {
    res.status(400).json({ type: "invalid_data", code: check.reason, message: `Invalid phone: ${check.detail}` })
    return null
  }
  const limits = options.consent.storefrontLimits
  const byIp = await messaging.allowHit(`ip:${req.ip}`, limits.perIpPerHour)
  const byPrefix = await messaging.allowHit(`prefix:${check.e164.slice(0, -4)}`, limits.perPrefixPerHour)
  if (!byIp || !byPrefix) {
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many requests from this ${byIp ? "number range" : "address"}; try again in an hour.`,
    })
    return null
  }
  return check.e164
}
