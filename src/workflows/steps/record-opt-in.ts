import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"

export type RecordOptInStepInput = {
  phone: string
  purpose: "marketing" | "transactional"
  customer_id?: string | null
  wording: string
  wording_version: string
  locale?: string | null
  ip?: string | null
  user_agent?: string | null
  source: "storefront_form" | "checkout"
  /** Extra proof (the order the checkbox was ticked on …). */
  evidence?: Record<string, unknown> | null
}

/**
 * A storefront opt-in, with its proof. Marketing consent from a guest — or from anyone while double
 * opt-in is on — is only a request until the shopper replies YES; a logged-in customer's completes at once
 * when double opt-in is off. Transactional consent needs no confirmation.
 */
export const recordOptInStep = createStep("sms-rcs-record-opt-in", async (input: RecordOptInStepInput, { container }) => {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { doubleOptIn } = messaging.getOptions().consent
  const needsConfirmation = input.purpose === "marketing" && (doubleOptIn || !input.customer_id)
  const { event_id, status } = await messaging.recordConsent({
    ...input,
    action: needsConfirmation ? "request" : "grant",
  })
  return new StepResponse({ event_id, status, confirm: needsConfirmation && status === "pending" })
})
