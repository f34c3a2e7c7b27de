import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { provenPhones, type HeldPhone } from "../../../lib/proven-phones"
import { MESSAGING_MODULE, type MessagingModuleService, type DataSubject } from "../../../modules/messaging"

export type ResolveDataSubjectInput = { phone?: string | null; customer_id?: string | null }

const ORDERS_PAGE = 500

/**
 * Whose data a GDPR request covers: the phone the admin names (they checked the request came from its
 * owner) and, for a customer, only the phones Medusa holds as theirs — the account's, its addresses', and
 * the shipping and billing addresses of their orders. A phone someone merely typed into a storefront form
 * while logged in as the customer is not theirs, and is neither exported nor erased with them.
 * Deleted customers and orders count: a store may erase the customer in Medusa first.
 */
export const resolveDataSubjectStep = createStep(
  "sms-rcs-resolve-data-subject",
  async (input: ResolveDataSubjectInput, { container }) => {
    const { defaultCountry } = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
    const held: HeldPhone[] = input.phone ? [{ phone: input.phone }] : []
    if (input.customer_id) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id", "phone", "addresses.phone", "addresses.country_code"],
        filters: { id: input.customer_id },
        withDeleted: true,
      })
      const customer = customers[0] as
        | { phone?: string | null; addresses?: { phone?: string | null; country_code?: string | null }[] | null }
        | undefined
      if (!customer) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found; give the phone to erase instead`)
      }
      held.push({ phone: customer.phone }, ...(customer.addresses ?? []))
      for (let skip = 0; ; skip += ORDERS_PAGE) {
        const { data: orders } = await query.graph({
          entity: "order",
          fields: ["id", "shipping_address.phone", "shipping_address.country_code", "billing_address.phone", "billing_address.country_code"],
          filters: { customer_id: input.customer_id },
          pagination: { skip, take: ORDERS_PAGE, order: { id: "ASC" } },
          withDeleted: true,
        })
        for (const order of orders as { shipping_address?: HeldPhone | null; billing_address?: HeldPhone | null }[]) {
          if (order.shipping_address) held.push(order.shipping_address)
          if (order.billing_address) held.push(order.billing_address)
        }
        if (orders.length < ORDERS_PAGE) break
      }
    }
    return new StepResponse<DataSubject>({ phones: provenPhones(held, defaultCountry), customer_id: input.customer_id ?? null })
  }
)
