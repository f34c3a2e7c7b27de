import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type ExpiredOfferCodes = {
  /** Offer rows whose promotion (and its own campaign) are to be deleted. */
  ids: string[]
  promotion_ids: string[]
  campaign_ids: string[]
  /** Rows with no promotion left to delete (never created, or deleted by the store). */
  gone: string[]
}

/**
 * One batch of expired codes no order used. A promotion the Promotion module counts as used (an order
 * whose attribution did not run) is kept and its code marked used: the cleanup never deletes a promotion
 * an order refers to.
 */
export const listExpiredOfferCodesStep = createStep(
  "sms-rcs-list-expired-offer-codes",
  async ({ now, limit }: { now: Date; limit: number }, { container }): Promise<StepResponse<ExpiredOfferCodes>> => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const rows = await messaging.offers.expiredUnused(new Date(now), limit)
    const withPromotion = rows.filter((r) => r.promotion_id)
    const { data } = withPromotion.length
      ? await query.graph({
          entity: "promotion",
          fields: ["id", "used", "campaign_id"],
          filters: { id: withPromotion.map((r) => r.promotion_id!) },
        })
      : { data: [] as any[] }
    const byId = new Map((data as any[]).map((p) => [p.id, p]))
    const used = withPromotion.filter((r) => Number(byId.get(r.promotion_id!)?.used ?? 0) > 0)
    await messaging.offers.markUsed(used.map((r) => r.id))
    const deletable = withPromotion.filter((r) => byId.has(r.promotion_id!) && !used.includes(r))
    return new StepResponse({
      ids: deletable.map((r) => r.id),
      promotion_ids: deletable.map((r) => r.promotion_id!),
      campaign_ids: deletable.map((r) => byId.get(r.promotion_id!)?.campaign_id).filter(Boolean),
      gone: rows.filter((r) => !r.promotion_id || !byId.has(r.promotion_id)).map((r) => r.id),
    })
  }
)

/** The codes whose promotions are deleted now (or were gone already). */
export const markOfferCodesRemovedStep = createStep(
  "sms-rcs-mark-offer-codes-removed",
  async ({ ids }: { ids: string[] }, { container }) => {
    await container.resolve<MessagingModuleService>(MESSAGING_MODULE).offers.markRemoved(ids)
    return new StepResponse({ removed: ids.length })
  }
)
