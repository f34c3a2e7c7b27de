import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type PhoneOrder = {
  id: string
  display_id: number | null
  status: string
  /** Where its parcels are: not_fulfilled, fulfilled, shipped, delivered (the furthest any went), canceled. */
  fulfillment_status: string | null
  total: number | null
  currency_code: string
  created_at: string
  tracking: { number: string | null; url: string | null }[]
}

type Held = { phone?: string | null; country_code?: string | null } | null | undefined
type Fulfillment = {
  shipped_at?: string | null
  delivered_at?: string | null
  canceled_at?: string | null
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
}
type OrderRow = {
  id: string
  display_id?: number | null
  status: string
  currency_code: string
  total?: unknown
  created_at: string | Date
  customer_id?: string | null
  customer?: { phone?: string | null } | null
  shipping_address?: Held
  billing_address?: Held
  fulfillments?: Fulfillment[] | null
}

const ORDER_FIELDS = [
  "id", "display_id", "status", "currency_code", "total", "created_at", "customer_id", "customer.phone",
  "shipping_address.phone", "shipping_address.country_code", "billing_address.phone", "billing_address.country_code",
  "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number", "fulfillments.labels.tracking_url",
]

/** How many orders a thread and the order-status answer look at: the phone's most recent ones. */
const RECENT_ORDERS = 20
/**
 * How old an order may be and still be told to the shopper who texts (the order-status answer): numbers
 * are given to someone else after months without use, and the new holder must not read the last owner's
 * parcel. The admin's thread shows every order.
 */
export const ANSWERED_ORDER_AGE_DAYS = 90

function fulfillmentStatus(fulfillments: Fulfillment[]): string {
  const live = fulfillments.filter((f) => !f.canceled_at)
  if (!live.length) return fulfillments.length ? "canceled" : "not_fulfilled"
  if (live.some((f) => f.delivered_at)) return "delivered"
  if (live.some((f) => f.shipped_at)) return "shipped"
  return "fulfilled"
}

/**
 * The orders this phone is tied to: the orders of the conversation's customer and the orders the store
 * texted this phone about, kept only when the order's shipping or billing phone, or its customer's phone,
 * is this number once normalised to E.164 (and placed since `placedSince`, when given). A stranger who
 * texts the store learns nothing of an order. Newest first.
 */
export async function ordersOfPhone(
  scope: MedusaContainer,
  phone: string,
  customerId: string | null,
  { placedSince }: { placedSince?: Date } = {}
): Promise<PhoneOrder[]> {
  const messaging = scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { defaultCountry } = messaging.getOptions()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const texted = await messaging.orderIdsTextedTo(phone, RECENT_ORDERS)
  const found = new Map<string, OrderRow>()
  const fetch = async (filters: Record<string, unknown>) => {
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: placedSince ? { ...filters, created_at: { $gte: placedSince } } : filters,
      pagination: { take: RECENT_ORDERS, order: { created_at: "DESC" } },
    })
    for (const order of data as unknown as OrderRow[]) found.set(order.id, order)
  }
  if (texted.length) await fetch({ id: texted })
  if (customerId) await fetch({ customer_id: customerId })

  const isThisPhone = (held: Held) => {
    if (!held?.phone) return false
    const check = checkPhone(held.phone, { defaultCountry: held.country_code ?? defaultCountry })
    return "e164" in check && check.e164 === phone
  }
  return [...found.values()]
    .filter((o) => isThisPhone(o.shipping_address) || isThisPhone(o.billing_address) || isThisPhone({ phone: o.customer?.phone, country_code: o.shipping_address?.country_code }))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
    .slice(0, RECENT_ORDERS)
    .map((o) => ({
      id: o.id,
      display_id: o.display_id ?? null,
      status: o.status,
      fulfillment_status: fulfillmentStatus(o.fulfillments ?? []),
      total: o.total == null ? null : Number(o.total),
      currency_code: o.currency_code,
      created_at: new Date(o.created_at).toISOString(),
      tracking: (o.fulfillments ?? [])
        .filter((f) => !f.canceled_at)
        .flatMap((f) => f.labels ?? [])
        .filter((l) => l.tracking_number || l.tracking_url)
        .map((l) => ({ number: l.tracking_number ?? null, url: l.tracking_url ?? null })),
    }))
}
