import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export type RecordOptInStepInput = {
  phone: string
  /** Only marketing: transactional consent changes from the storefront need proof of the number. */
  purpose: "marketing"
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
 * A storefront marketing opt-in, with its proof. From a guest — or from anyone while double opt-in is on
 * — it is only a request until the number's owner replies YES; `confirm` says whether to text them the
 * "reply YES" (at most once per cooldown, never to a number that stopped everything or is subscribed).
 * When double opt-in is off, a logged-in customer's completes at once only for their own verified number
 * (proved with a code): any other number — a guest's, one typed at checkout, one that said STOP — still
 * needs its owner's YES, so nobody subscribes or un-STOPs a number they do not hold.
 */
export const recordOptInStep = createStep("sms-rcs-record-opt-in", async (input: RecordOptInStepInput, { container }) => {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { doubleOptIn } = messaging.getOptions().consent
  if (!doubleOptIn && input.customer_id && (await messaging.isVerifiedPhoneOf(input.phone, input.customer_id))) {
    const { event_id, status } = await messaging.recordConsent({ ...input, action: "grant" })
    return new StepResponse({ event_id, status, confirm: false })
  }
  const { event_id, status, ask } = await messaging.requestMarketingOptIn(input)
  return new StepResponse({ event_id, status, confirm: ask })
})
