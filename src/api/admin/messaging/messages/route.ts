import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPhone } from "../../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { orderIdsOf } from "./order-numbers"

/**
 * GET /admin/messaging/messages — messages, newest first, filtered and paginated. `to` is read as the
 * owner types it ("06 12 34 56 78" in a French store): each value is put in E.164 with the store's
 * default country, as messages are stored. `order_id` takes the order's number too (`1042`, `#1042`).
 * `order` sorts on one column of `MESSAGE_SORT_FIELDS` (validators.ts).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters = { ...(req.filterableFields as Record<string, unknown>) }
  if (Array.isArray(filters.to)) {
    const { defaultCountry } = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
    filters.to = (filters.to as string[]).map((raw) => {
      const phone = checkPhone(raw, { defaultCountry })
      return "e164" in phone ? phone.e164 : raw
    })
  }
  if (Array.isArray(filters.order_id)) {
    filters.order_id = await orderIdsOf(req.scope, filters.order_id as string[])
  }
  const { data: messages, metadata } = await query.graph({
    entity: "message",
    fields: req.queryConfig.fields,
    filters,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { created_at: "DESC" },
    },
  })
  res.json({
    messages,
    count: metadata?.count ?? messages.length,
    limit: metadata?.take ?? req.queryConfig.pagination.take,
    offset: metadata?.skip ?? req.queryConfig.pagination.skip,
  })
}
