import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { holdoutReason, isHeldOut } from "../../../lib/analytics/holdout"
import { isAutomationKey } from "../../../lib/automations"
import type { ConsentReplyKind } from "../../../lib/consent/consent-reply"
import { consentAllows } from "../../../lib/consent"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type DecideHoldoutStepInput = {
  automation: string | null
  purpose: "transactional" | "marketing"
  /** The recipient's E.164 number; null when the phone is unusable (such a message is skipped anyway). */
  phone: string | null
  consent_reply?: ConsentReplyKind | null
}

/** Null: the message goes its usual way; otherwise the reason it is recorded `held_out`. */
export type HoldoutDecision = { held_out_reason: string | null }

/**
 * Whether this automation message is one of the automation's held-out share (lib/analytics/holdout.ts):
 * only marketing automation texts, and only recipients the message could have reached — a phone that
 * may receive it by consent now — so the held-out group is the same population as the treated one (a
 * recipient without consent would be suppressed on the treated side and never counted there). The
 * share is read per message, like the automation's switch, so the admin's change applies at once.
 */
export const decideHoldoutStep = createStep("sms-rcs-decide-holdout", async (input: DecideHoldoutStepInput, { container }) => {
  const none = new StepResponse<HoldoutDecision>({ held_out_reason: null })
  if (input.purpose !== "marketing" || !input.phone || !input.automation || !isAutomationKey(input.automation)) return none
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { holdout_percent } = await messaging.effectiveAutomation(input.automation)
  if (!isHeldOut(input.automation, input.phone, holdout_percent)) return none
  const consent = consentAllows({ purpose: input.purpose, consent_reply: input.consent_reply ?? null }, await messaging.consentStateOf(input.phone))
  if (!consent.allowed) return none
  return new StepResponse<HoldoutDecision>({ held_out_reason: holdoutReason(input.automation, holdout_percent) })
})
