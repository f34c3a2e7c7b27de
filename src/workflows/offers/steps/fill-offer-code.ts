import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatOfferExpiry } from "../../../lib/offers/offer-code"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { PreparedOfferCode } from "./prepare-offer-code"

/**
 * Records the promotion created for the code, puts the code and its end (in the recipient's language and
 * zone) into the message, and queues the message again: the worker checks it once more and sends it.
 */
export const fillOfferCodeStep = createStep(
  "sms-rcs-fill-offer-code",
  async (
    { prepared, promotion_id }: { prepared: PreparedOfferCode; promotion_id: string | null },
    { container }
  ): Promise<StepResponse<{ filled: boolean; code: string | null }>> => {
    if (prepared.action !== "fill") {
      return new StepResponse({ filled: false, code: null })
    }
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    if (promotion_id) await messaging.offers.recordPromotion(prepared.row.id, promotion_id)
    const expires = formatOfferExpiry(
      new Date(prepared.row.expires_at),
      prepared.locale ?? options.defaultLocale ?? "en",
      prepared.time_zones?.[0] ?? options.defaultTimeZone
    )
    const filled = await messaging.offers.fillMessage(prepared.message_id, prepared.row.code, expires)
    // a job of its own (the message's first job, which asked for the code, keeps the message's id)
    if (filled) await messaging.enqueueMessageAt(prepared.message_id, new Date())
    return new StepResponse({ filled, code: prepared.row.code })
  }
)
