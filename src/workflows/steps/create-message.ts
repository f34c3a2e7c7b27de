import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { estimateCost } from "../../lib/cost"
import { MESSAGING_MODULE, type CreateMessageInput, type MessageDTO, type MessagingModuleService } from "../../modules/messaging"

export type CreateMessageStepOutput = { message: MessageDTO; created: boolean }

/**
 * Inserts the message row, once per idempotency key. The row stays even if a later step fails: a
 * queued row is picked up by the sweeper, so a message is delayed rather than lost.
 */
export const createMessageStep = createStep(
  "sms-rcs-create-message",
  async (input: CreateMessageInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const cost = estimateCost(messaging.getOptions().pricing, {
      channel: input.channel,
      country: input.country_code,
      segments: input.segments ?? 0,
    })
    const result = await messaging.createMessageOnce({
      ...input,
      ...(cost ? { cost_amount: cost.amount, cost_currency_code: cost.currency_code } : {}),
    })
    return new StepResponse<CreateMessageStepOutput>(result)
  }
)
