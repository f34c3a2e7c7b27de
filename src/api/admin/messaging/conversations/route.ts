import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPhone, phoneSpellings } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { presentConversations } from "./presenters"
import type { AdminListConversationsParamsType } from "./validators"

/**
 * GET /admin/messaging/conversations — newest activity first; `status`, `mine` (assigned to me), `unread`,
 * and `q`: part of a phone number, or a customer's name or email (their phones' conversations).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListConversationsParamsType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { status, mine, unread, q, limit, offset } = req.validatedQuery
  let phones: string[] | undefined
  if (q && /[^\d\s+().-]/.test(q)) {
    // a name or an email: the customers Medusa finds by it, and the phones their accounts hold
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id", "phone"], filters: { q } as never, pagination: { take: 50 } })
    phones = (data as { phone?: string | null }[]).flatMap((c) => (c.phone ? phoneSpellings(c.phone) : []))
    const byCustomer = (data as { id: string }[]).map((c) => c.id)
    phones.push(...(await messaging.phonesOfConversationCustomers(byCustomer)))
  } else if (q) {
    // a whole number as the owner writes it ("06 98 76 54 32"): its E.164 form, beside the digits' match
    const checked = checkPhone(q, { defaultCountry: messaging.getOptions().defaultCountry })
    if ("e164" in checked && checked.e164) phones = [checked.e164]
  }
  const { rows, count } = await messaging.listInbox({
    status,
    assignee_id: mine ? req.auth_context.actor_id : undefined,
    unread,
    q,
    phones,
    limit,
    offset,
  })
  res.json({ conversations: await presentConversations(req.scope, rows), count, limit, offset })
}
