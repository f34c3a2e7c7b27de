import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type CreateMessageInput, type MessageDTO, type MessagingModuleService } from "../../../modules/messaging"

export type CreateMessageStepOutput = { message: MessageDTO; created: boolean }

/**
 * Inserts the message row, once per idempotency key. The row stays even if a later step fails: a
 * queued row is picked up by the sweeper, so a message is delayed rather than lost.
 */
export const createMessageStep = createStep("sms-rcs-create-message", async (input: CreateMessageInput, { container }) => {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  return new StepResponse<CreateMessageStepOutput>(await messaging.createMessageOnce(input))
})
