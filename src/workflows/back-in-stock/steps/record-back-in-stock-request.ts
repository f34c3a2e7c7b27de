import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { backInStockWording } from "../../../lib/back-in-stock"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type RecordBackInStockRequestInput = {
  phone: string
  variant_id: string
  locale?: string | null
  customer_id?: string | null
  /** The version of the wording the storefront showed (from GET /store/messaging/back-in-stock). */
  wording_version: string
  ip?: string | null
  user_agent?: string | null
}

/**
 * Records the request with its proof (the wording of the version the shopper saw, in their language), or
 * answers the one already waiting for this phone and variant. The variant must exist; a storefront
 * showing an old wording is told to fetch the current one, so the proof is always the words shown.
 */
export const recordBackInStockRequestStep = createStep(
  "sms-rcs-record-back-in-stock-request",
  async (input: RecordBackInStockRequestInput, { container }) => {
    const wording = backInStockWording(input.locale)
    if (input.wording_version !== wording.version) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The wording version "${input.wording_version}" is not the current one ("${wording.version}"): show the wording from GET /store/messaging/back-in-stock`
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: input.variant_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${input.variant_id} was not found`)
    }
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const outcome = await messaging.backInStock.request({
      phone: input.phone,
      variant_id: input.variant_id,
      customer_id: input.customer_id ?? null,
      locale: input.locale ?? null,
      wording: wording.text,
      wording_version: wording.version,
      ip: input.ip ?? null,
      user_agent: input.user_agent ?? null,
    })
    // no compensation: a request made is the shopper's, kept as its own proof
    return new StepResponse(outcome)
  }
)
