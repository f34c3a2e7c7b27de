import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/** The phones' current consents and their whole ledger, newest first, each event with its actor's id. */
export const readConsentLedgerStep = createStep("sms-rcs-read-consent-ledger", async (input: { phones: string[] }, { container }) =>
  new StepResponse(await container.resolve<MessagingModuleService>(MESSAGING_MODULE).consentLedgerOf(input.phones))
)
