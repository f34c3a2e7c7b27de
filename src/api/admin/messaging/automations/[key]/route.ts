import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
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
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"period_days" applies to win_back only`)
  }
  if (body.max_age_hours !== undefined && shipped.max_age_hours === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"max_age_hours" applies to ${AUTOMATION_KEYS.filter((k) => AUTOMATIONS[k].max_age_hours !== undefined).join(" and ")} only`)
  }
  if (body.holdout_percent && shipped.purpose !== "marketing") {
    // a transactional text (an order confirmation) is owed to the shopper: nobody may be held back from it
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"holdout_percent" applies to marketing automations only`)
  }
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const automation = await messaging.saveAutomationSetting(key, body, req.auth_context.actor_id)
  res.json({ automation })
}
