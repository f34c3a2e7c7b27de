import { createHash } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressLimitKey, clientAddress } from "../../../../lib/client-address"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { storeRegionCountries } from "../../../../workflows/utils/store-facts"

/** Which storefront action a request counts against: each has its own counters, so a flood of opt-ins never blocks an opt-out. */
export type StorefrontAction = "opt_in" | "opt_out" | "verification" | "back_in_stock"

/** Who sent a storefront request, as the consent proof records it: an address the client cannot choose. */
export function storefrontClient(req: MedusaRequest): { ip: string; user_agent: string | null } {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const ip = clientAddress(req.headers["x-forwarded-for"], req.socket?.remoteAddress, messaging.getOptions().trustedProxyHops)
  return { ip, user_agent: req.get("user-agent") ?? null }
}

/**
 * The storefront's abuse guard, shared by its consent routes: the number must be a real, textable number
 * of a country the store sells to, and an address (IPv6: its /64) or a phone prefix (the number less its
 * last four digits, as SMS pumping varies them) may only ask so often per action. The address is the TCP
 * peer's, or read behind `trustedProxyHops` proxies — never a header the client can change at will. Opt-outs
 * get `optOutPerIpPerHour` by address (far more): with a miscounted proxy every shopper shares one address.
 * Answers the request itself (400 or 429) and returns null when it must stop.
 */
export async function guardStorefrontPhone(
  req: MedusaRequest,
  res: MedusaResponse,
  body: { phone: string; country_code?: string },
  action: StorefrontAction
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
  const address = addressLimitKey(storefrontClient(req).ip)
  // Redis holds counters, not numbers: the prefix is kept as a digest
  const prefix = createHash("sha256").update(check.e164.slice(0, -4)).digest("hex").slice(0, 24)
  const byIp = await messaging.allowHit(`${action}:ip:${address}`, action === "opt_out" ? limits.optOutPerIpPerHour : limits.perIpPerHour)
  const byPrefix = await messaging.allowHit(`${action}:prefix:${prefix}`, limits.perPrefixPerHour)
  if (!byIp || !byPrefix) {
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many requests from this ${byIp ? "number range" : "address"}; try again in an hour.`,
    })
    return null
  }
  return check.e164
}

/** The logged-in customer, if any. */
export function customerOf(req: MedusaRequest): string | null {
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}

/**
 * Transactional consent changes only with proof of the number: here, the logged-in customer's own
 * verified number (one they confirmed with a code). Answers 403 with the way to prove it otherwise.
 */
export async function requireVerifiedNumber(req: MedusaRequest, res: MedusaResponse, phone: string): Promise<string | null> {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const customerId = customerOf(req)
  if (customerId && (await messaging.isVerifiedPhoneOf(phone, customerId))) {
    return customerId
  }
  res.status(403).json({
    type: "not_allowed",
    code: "proof_of_number_required",
    message:
      "Changing transactional consent needs proof of the number: POST /store/messaging/consent/verification " +
      "to text it a code, then POST /store/messaging/consent/verification/confirm with the code.",
  })
  return null
}
