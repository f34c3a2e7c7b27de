import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AUTOMATION_KEYS, AUTOMATIONS, isAutomationKey } from "../../../../../lib/automations"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminUpdateAutomationBodyType } from "../validators"

/** POST /admin/messaging/automations/:key — switches an automation on or off, sets its delay … */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateAutomationBodyType>, res: MedusaResponse) {
  const key = req.params.key
  if (!isAutomationKey(key)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No automation "${key}"; there are: ${AUTOMATION_KEYS.join(", ")}`)
  }
  const body = req.validatedBody
  const shipped = AUTOMATIONS[key]
  if (body.period_days !== undefined && shipped.period_days === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"period_days" applies to ${AUTOMATION_KEYS.filter((k) => AUTOMATIONS[k].period_days !== undefined).join(" and ")} only`)
  }
  if (body.max_age_hours !== undefined && shipped.max_age_hours === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"max_age_hours" applies to ${AUTOMATION_KEYS.filter((k) => AUTOMATIONS[k].max_age_hours !== undefined).join(" and ")} only`)
  }
  if (body.holdout_percent && shipped.purpose !== "marketing") {
    // a transactional text (an order confirmation) is owed to the shopper: nobody may be held back from it
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"holdout_percent" applies to marketing automations only`)
  }
  const { offer, ...rest } = body
  if (offer !== undefined && !shipped.offers) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"offer" applies to ${AUTOMATION_KEYS.filter((k) => AUTOMATIONS[k].offers).join(", ")} only`)
  }
  if (offer) {
    // a code is a copy of the store's promotion: one that does not exist (or was deleted) is refused now,
    // not at the first text
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "promotion", fields: ["id", "code"], filters: { id: offer.promotion_id } })
    if (!data[0]) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No promotion "${offer.promotion_id}"`)
    }
  }
  const patch = {
    ...rest,
    ...(offer !== undefined ? { offer_promotion_id: offer?.promotion_id ?? null, offer_valid_hours: offer?.valid_hours ?? null } : {}),
  }
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const automation = await messaging.saveAutomationSetting(key, patch, req.auth_context.actor_id)
  res.json({ automation })
}
