import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/** Where Medusa holds a phone for the customer: their account, one of their addresses, or an order's address. */
export type PhoneSource =
  | { kind: "account" }
  | { kind: "address"; label: string | null }
  | { kind: "order"; order_id: string; display_id: number | null; address: "shipping" | "billing" }

export type CustomerPhone = { phone: string; sources: PhoneSource[] }

type Held = { phone?: string | null; country_code?: string | null }

const ORDERS_PAGE = 500

/**
 * Every phone Medusa holds for the customer — the account's, its addresses', and the shipping and billing
 * addresses of their orders — in E.164 (a national number read in its address's country), once each, with
 * every place it was found. Consent is keyed by phone: a shopper who opted in at checkout has their consent
 * under the order's phone, whatever the account says.
 */
export const findCustomerPhonesStep = createStep("sms-rcs-find-customer-phones", async (input: { customer_id: string }, { container }) => {
  const { defaultCountry } = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const found = new Map<string, PhoneSource[]>()
  const add = (held: Held | null | undefined, source: PhoneSource) => {
    if (!held?.phone) return
    const check = checkPhone(held.phone, { defaultCountry: held.country_code ?? defaultCountry })
    if (!("e164" in check)) return
    found.set(check.e164, [...(found.get(check.e164) ?? []), source])
  }

  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "phone", "addresses.phone", "addresses.country_code", "addresses.address_name", "addresses.city"],
    filters: { id: input.customer_id },
  })
  const customer = customers[0] as
    | { phone?: string | null; addresses?: ({ address_name?: string | null; city?: string | null } & Held)[] | null }
    | undefined
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
  add({ phone: customer.phone }, { kind: "account" })
  for (const address of customer.addresses ?? []) {
    add(address, { kind: "address", label: [address.address_name, address.city].filter(Boolean).join(", ") || null })
  }
  for (let skip = 0; ; skip += ORDERS_PAGE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "shipping_address.phone", "shipping_address.country_code", "billing_address.phone", "billing_address.country_code"],
      filters: { customer_id: input.customer_id },
      pagination: { skip, take: ORDERS_PAGE, order: { created_at: "DESC" } },
    })
    for (const order of orders as { id: string; display_id?: number | null; shipping_address?: Held | null; billing_address?: Held | null }[]) {
      const at = { order_id: order.id, display_id: order.display_id ?? null }
      add(order.shipping_address, { kind: "order", ...at, address: "shipping" })
      add(order.billing_address, { kind: "order", ...at, address: "billing" })
    }
    if (orders.length < ORDERS_PAGE) break
  }
  return new StepResponse<CustomerPhone[]>([...found].map(([phone, sources]) => ({ phone, sources })))
})
