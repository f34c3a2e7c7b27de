import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { ConversationRow } from "../../../../modules/messaging/conversations/conversation-store"
import { presentConversations } from "./presenters"

/** The conversation of the route's `:id`, or a 404 with a message. */
export async function conversationOr404(scope: MedusaContainer, id: string): Promise<ConversationRow> {
  const conversation = await scope.resolve<MessagingModuleService>(MESSAGING_MODULE).conversation(id)
  if (!conversation) {
    const error = new MedusaError(MedusaError.Types.NOT_FOUND, `Conversation ${id} was not found`)
    error.code = "not_found"
    throw error
  }
  return conversation
}

/** `{ conversation }` after a change, as the API shows it. */
export async function conversationAnswer(scope: MedusaContainer, row: ConversationRow | null, id: string) {
  const [conversation] = await presentConversations(scope, [row ?? (await conversationOr404(scope, id))])
  return { conversation }
}
