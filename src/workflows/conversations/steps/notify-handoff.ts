import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { z } from "zod"
import { handoffEventId } from "../../../lib/conversations/handoff-signature"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { HandoffWebhookEvent } from "../../../modules/messaging/conversations/handoff-webhooks"
import { postHandoffToFeed } from "../utils/handoff-feed"

export type NotifyHandoffStepInput = {
  conversation_id: string
  phone: string
  customer_id: string | null
  /** What the shopper wrote (or the tapped suggestion's text). */
  body: string
  /** When they asked (ISO 8601): with the conversation, the hand-off's identity. */
  at: string
}

/** The step is called by other workflows: a wrong input is a bug there, said plainly here. */
const inputSchema = z.object({
  conversation_id: z.string().min(1),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected a phone in E.164"),
  customer_id: z.string().min(1).nullable(),
  body: z.string().max(10_000),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO 8601 time"),
})

export type NotifyHandoffResult = { event_id: string; feed: "created" | "skipped"; webhook: "queued" | "replayed" | "off" }

/** The admin page of the conversation, when the server knows its public address. */
function adminUrlOf(publicUrl: string | null, conversationId: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/$/, "")}/app/messaging/conversations?id=${encodeURIComponent(conversationId)}` : null
}

/**
 * A shopper asks for a person: the admin's feed is told (the phone masked), and when
 * `conversations.handoffWebhook` is set a signed POST is recorded and queued for the help desk
 * (delivered off the request path, with retries; docs/conversations.md, "Hand-off webhook"). Both are
 * keyed by the hand-off's event id — a hash of the conversation and the time of the ask — so a replayed
 * inbound notifies no one twice. No compensation: a bell rung or a help desk told cannot be taken back,
 * and the event's row is what keeps a retried workflow from telling them again.
 */
export const notifyHandoffStep = createStep(
  "sms-rcs-notify-handoff",
  async (raw: NotifyHandoffStepInput, { container }) => {
    const input = inputSchema.parse(raw)
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const eventId = handoffEventId(input.conversation_id, input.at)

    let webhook: NotifyHandoffResult["webhook"] = "off"
    if (messaging.handoffWebhookConfigured()) {
      const event: HandoffWebhookEvent = {
        type: "conversation.handoff_requested",
        id: eventId,
        created_at: new Date(input.at).toISOString(),
        data: {
          conversation_id: input.conversation_id,
          phone: input.phone,
          customer_id: input.customer_id,
          text: input.body,
          admin_url: adminUrlOf(messaging.publicUrl(), input.conversation_id),
        },
      }
      // a database error throws: the workflow fails and is retried, rather than a hand-off lost
      const { recorded } = await messaging.queueHandoffWebhook(event)
      webhook = recorded ? "queued" : "replayed"
    }
    const feed = await postHandoffToFeed(container, input, eventId, logger)
    return new StepResponse<NotifyHandoffResult>({ event_id: eventId, feed, webhook })
  }
)
