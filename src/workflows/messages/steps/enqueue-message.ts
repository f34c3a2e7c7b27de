import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { CreateMessageStepOutput } from "./create-message"

/** Hands a newly queued message to the dispatch queue; a duplicate or a skipped message is not sent. */
export const enqueueMessageStep = createStep(
  "sms-rcs-enqueue-message",
  async ({ message, created }: CreateMessageStepOutput, { container }) => {
    if (!created || message.status !== "queued") {
      return new StepResponse({ enqueued: false })
    }
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const due = message.send_after ? new Date(message.send_after) : null
    if (due && due.getTime() > Date.now()) {
      await messaging.enqueueMessageAt(message.id, due)
    } else {
      await messaging.enqueueMessages([message.id])
    }
    return new StepResponse({ enqueued: true })
  }
)
