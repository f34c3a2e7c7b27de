import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { generateOfferCode } from "../../../lib/offers/offer-code"
import { PROMOTION_COPY_FIELDS, promotionCopy, type BasePromotion } from "../../../lib/offers/promotion-copy"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { OfferCodeRow } from "../../../modules/messaging/offers/offer-codes"

export type PreparedOfferCode =
  | { action: "none"; reason: string }
  | { action: "fill"; message_id: string; locale: string | null; time_zones: string[] | null; row: OfferCodeRow; promotion: CreatePromotionDTO | null }

/**
 * The message's code, reserved (or the one it has), and the promotion to create for it when the
 * Promotion module has none yet: a copy of the store's promotion, single-use, ending `valid_hours` from
 * now. Nothing is reserved for a message that no longer waits to be sent, nor without an offer.
 */
export const prepareOfferCodeStep = createStep(
  "sms-rcs-prepare-offer-code",
  async ({ message_id }: { message_id: string }, { container }): Promise<StepResponse<PreparedOfferCode>> => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const message = await messaging.offers.messageAwaitingOffer(message_id)
    if (!message || !message.awaits_code || !["queued", "deferred"].includes(message.status)) {
      return new StepResponse({ action: "none", reason: "the message does not wait for a code" })
    }
    if (!message.offer) {
      await messaging.offers.failMessage(message_id, "offer_code: the message holds an offer code but no offer")
      return new StepResponse({ action: "none", reason: "no offer" })
    }
    const { data } = await query.graph({ entity: "promotion", fields: PROMOTION_COPY_FIELDS, filters: { id: message.offer.promotion_id } })
    const base = data[0] as unknown as BasePromotion | undefined
    if (!base?.application_method) {
      // the store deleted the promotion since it chose it: the text cannot carry a code, so it is not sent
      await messaging.offers.failMessage(message_id, `offer_code: promotion ${message.offer.promotion_id} no longer exists`)
      return new StepResponse({ action: "none", reason: "the promotion no longer exists" })
    }
    const now = new Date()
    const { row } = await messaging.offers.reserve({
      message,
      base_promotion_id: base.id,
      code: generateOfferCode(base.code),
      expires_at: new Date(now.getTime() + message.offer.valid_hours * 3_600_000),
    })
    let promotion: CreatePromotionDTO | null = null
    if (!row.promotion_id) {
      // a run that stopped after the Promotion module created it finds it by its code
      const { data: existing } = await query.graph({ entity: "promotion", fields: ["id"], filters: { code: row.code } })
      if (existing[0]) await messaging.offers.recordPromotion(row.id, existing[0].id)
      else promotion = promotionCopy(base, row.code, now, new Date(row.expires_at))
    }
    return new StepResponse({ action: "fill", message_id, locale: message.locale, time_zones: message.time_zones, row, promotion })
  }
)
