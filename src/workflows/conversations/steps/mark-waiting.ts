import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/**
 * The shopper asked for a person: the conversation waits for the store (since the first ask). `first`
 * says whether it was not waiting before, so the admin is told once per hand-off, not per text.
 */
export const markWaitingStep = createStep("sms-rcs-mark-conversation-waiting", async (input: { conversation_id: string }, { container }) => {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const before = await messaging.conversation(input.conversation_id)
  const after = await messaging.markConversationWaiting(input.conversation_id)
  return new StepResponse({
    first: before?.status !== "waiting",
    waiting_since: (after?.waiting_since ?? new Date()).toISOString(),
  })
})
