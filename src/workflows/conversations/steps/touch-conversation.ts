import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

/** The store wrote in the conversation: it moves to the top; `answered`: a person did, nobody waits. */
export const touchConversationStep = createStep(
  "sms-rcs-touch-conversation",
  async (input: { phone: string; answered: boolean }, { container }) => {
    await container.resolve<MessagingModuleService>(MESSAGING_MODULE).conversationAnswered(input.phone, input.answered)
    return new StepResponse(null)
  }
)
