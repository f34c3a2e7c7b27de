import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pickOrderPhone, type OrderForMessage } from "../../messages/utils/order-message"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

const ORDER_FIELDS = [
  "id",
  "created_at",
  "total",
  "currency_code",
  "customer_id",
  "metadata",
  "shipping_address.phone",
  "shipping_address.country_code",
  "billing_address.phone",
  "billing_address.country_code",
  "customer.phone",
  "cart.metadata",
  "promotions.code",
]

/** Reads what attribution needs from the order (its phone, customer, cart's ref code, promotion codes) and credits it. */
export const attributeOrderStep = createStep(
  "sms-rcs-attribute-order",
  async ({ order_id }: { order_id: string }, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
    const order = data[0] as any
    if (!order) {
      return new StepResponse(null)
    }
    const found = pickOrderPhone(order as OrderForMessage)
    const phone = checkPhone(found.phone, { defaultCountry: found.country_code ?? messaging.getOptions().defaultCountry })
    const refParam = messaging.getOptions().tracking.refParam
    const ref = order.cart?.metadata?.[refParam] ?? order.metadata?.[refParam]
    const result = await messaging.attributeOrder({
      order_id: order.id,
      placed_at: new Date(order.created_at),
      total: Number(order.total ?? 0),
      currency_code: order.currency_code,
      phone: "e164" in phone ? phone.e164 : null,
      customer_id: order.customer_id ?? null,
      ref_code: typeof ref === "string" ? ref : null,
      promo_codes: (order.promotions ?? []).map((p: { code?: string | null }) => p.code).filter(Boolean),
    })
    return new StepResponse(result)
  }
)
