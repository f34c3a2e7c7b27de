import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readCheckoutOptIn } from "../../../lib/checkout-opt-in"
import { pickOrderPhone, type OrderForMessage } from "../../messages/utils/order-message"
import { checkPhone } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { RecordOptInStepInput } from "./record-opt-in"

/**
 * Reads the checkout opt-in of an order: null when the box was not ticked, the phone is unusable, or this
 * order's opt-in was already recorded (order.placed delivered twice).
 */
export const prepareCheckoutOptInStep = createStep(
  "sms-rcs-prepare-checkout-opt-in",
  async (order: OrderForMessage & { metadata?: Record<string, unknown> | null }, { container }) => {
    const optIn = readCheckoutOptIn(order.metadata)
    // A ticked box proves nothing about who holds the number: transactional consent is not changed from
    // a checkout (a stranger could otherwise undo someone's STOP ALL by ordering with their number).
    if (!optIn || optIn.purpose !== "marketing") {
      return new StepResponse<RecordOptInStepInput | null>(null)
    }
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const found = pickOrderPhone(order)
    const check = checkPhone(optIn.phone ?? found.phone, {
      defaultCountry: found.country_code ?? messaging.getOptions().defaultCountry,
    })
    if (!check.ok) {
      return new StepResponse<RecordOptInStepInput | null>(null)
    }
    const earlier = await messaging.listConsentEvents({ phone: check.e164, source: "checkout" }, { take: 100 })
    if (earlier.some((e) => (e.evidence as Record<string, unknown> | null)?.order_id === order.id)) {
      return new StepResponse<RecordOptInStepInput | null>(null)
    }
    return new StepResponse<RecordOptInStepInput | null>({
      phone: check.e164,
      purpose: "marketing",
      customer_id: order.customer_id ?? null,
      wording: optIn.wording,
      wording_version: optIn.wording_version,
      locale: optIn.locale ?? order.locale ?? null,
      ip: optIn.ip ?? null,
      user_agent: optIn.user_agent ?? null,
      source: "checkout",
      evidence: { order_id: order.id },
    })
  }
)
