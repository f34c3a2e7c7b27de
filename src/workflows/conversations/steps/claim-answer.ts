import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/**
 * The loop guard: an answer about to go takes one of the conversation's `maxAutomaticAnswers` per
 * `windowMinutes`, atomically, so two bots answering each other, or ten texts at once, get no more.
 * Nothing to send takes nothing.
 */
export const claimAnswerStep = createStep(
  "sms-rcs-claim-automatic-answer",
  async (input: { conversation_id: string; answering: boolean }, { container }) => {
    if (!input.answering) return new StepResponse({ allowed: false })
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const { maxAutomaticAnswers, windowMinutes } = messaging.getOptions().conversations
    return new StepResponse({ allowed: await messaging.claimAutomaticAnswer(input.conversation_id, maxAutomaticAnswers, windowMinutes * 60_000) })
  }
)
