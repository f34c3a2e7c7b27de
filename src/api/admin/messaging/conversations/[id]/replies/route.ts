import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../../modules/messaging"
import { replyPermission } from "../../../../../../workflows/conversations/utils/reply-permission"
import { replyInConversationWorkflow } from "../../../../../../workflows/conversations/reply-in-conversation"
import { conversationOr404 } from "../../load"
import { loadPeople, presentEntry } from "../../presenters"
import type { AdminReplyBodyType } from "../../validators"

const refuse = (res: MedusaResponse, status: number, code: string, message: string) => res.status(status).json({ type: "not_allowed", code, message })

/**
 * POST /admin/messaging/conversations/:id/replies { body, channel?, suggestions?, idempotency_key? } — the
 * admin answers the shopper. 409 with a code (conversations.reply.reasons in the admin) when no reply may
 * go: the conversation is closed, the number texted STOP ALL or cannot receive texts; 400 for RCS without
 * an RCS provider. The message is recorded with the admin who wrote it; the same `idempotency_key`
 * (a retried click) gives the same message.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminReplyBodyType>, res: MedusaResponse) {
  const conversation = await conversationOr404(req.scope, req.params.id)
  const options = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const { body, channel: asked, suggestions, idempotency_key } = req.validatedBody
  if (conversation.status === "closed") {
    return refuse(res, 409, "closed", "This conversation is closed: reopen it to reply.")
  }
  const permission = await replyPermission(req.scope, conversation.phone)
  if (!permission.allowed) {
    return refuse(res, 409, permission.code ?? "opted_out_all", permission.reason ?? "No reply may go to this phone.")
  }
  const channel = asked ?? (conversation.channel === "rcs" && options.rcs.provider ? "rcs" : "sms")
  if (channel === "rcs" && !options.rcs.provider) {
    res.status(400).json({ type: "invalid_data", code: "no_rcs_provider", message: "channel: no RCS provider is configured; reply by SMS." })
    return
  }
  const { result } = await replyInConversationWorkflow(req.scope).run({
    input: {
      conversation_id: conversation.id,
      phone: conversation.phone,
      customer_id: conversation.customer_id,
      sent_by: req.auth_context.actor_id,
      body,
      channel,
      suggestions,
      idempotency_key: idempotency_key ?? randomUUID(),
    },
  })
  const { message } = result
  const people = await loadPeople(req.scope, { users: [req.auth_context.actor_id], customers: [] })
  res.status(201).json({
    entry: presentEntry(
      {
        id: message.id,
        direction: "outbound",
        kind: "message",
        body: message.body ?? body,
        channel: message.channel,
        status: message.status,
        message_id: message.id,
        template_key: message.template_key ?? "conversation_reply",
        automatic: false,
        sent_by_id: req.auth_context.actor_id,
        postback: null,
        rich_payload: (message.rich_payload as Record<string, unknown> | null) ?? null,
        at: new Date(message.created_at),
      },
      people
    ),
    message: { id: message.id, status: message.status, status_reason: message.status_reason ?? null },
  })
}
