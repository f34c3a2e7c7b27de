import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { phoneSpellings } from "../../../lib/phone"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { ConversationRow } from "../../../modules/messaging/conversations/conversation-store"

export type OpenConversationStepInput = { phone: string; channel: "sms" | "rcs"; created: boolean }

/**
 * The shopper wrote: their conversation is opened (or reopened, one more unread), tied to the customer
 * whose account holds that phone when there is one. A replayed webhook (`created` false) changes nothing.
 */
export const openConversationStep = createStep(
  "sms-rcs-open-conversation",
  async (input: OpenConversationStepInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    if (!input.created) {
      return new StepResponse<ConversationRow | null>(await messaging.conversationByPhone(input.phone))
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { phone: phoneSpellings(input.phone) },
      pagination: { take: 2 },
    })
    // two accounts with that phone: tie it to neither rather than guess
    const customerId = customers.length === 1 ? (customers[0] as { id: string }).id : null
    return new StepResponse<ConversationRow | null>(await messaging.touchConversation({ phone: input.phone, channel: input.channel, customer_id: customerId }))
  }
)
