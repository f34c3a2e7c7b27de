import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { maskPhone } from "../../../lib/conversations/handoff-signature"
import { cutText } from "../../../lib/conversations/text"

/** What the admin's bell shows of it: the text is cut, the number masked (every admin user reads the feed). */
const FEED_TEXT_CHARS = 140

export const HANDOFF_FEED_TITLE = "A shopper asks for a person"

export type HandoffFeedInput = { conversation_id: string; phone: string; body: string }

/**
 * Medusa's admin feed (the bell): `channel: "feed"`, `template: "admin-ui"`, `data.title` and
 * `data.description`, as Medusa's own export workflows post it. A store whose Notification Module has no
 * `feed` provider (or no Notification Module) still gets its webhook and its inbox: a warning, not a failure.
 * The event id as idempotency key: a replay does not ring the bell twice.
 */
export async function postHandoffToFeed(
  container: Pick<MedusaContainer, "resolve">,
  input: HandoffFeedInput,
  eventId: string,
  logger: Logger
): Promise<"created" | "skipped"> {
  const notifications = container.resolve<INotificationModuleService | undefined>(Modules.NOTIFICATION, { allowUnregistered: true })
  if (!notifications) {
    logger.warn("medusa-plugin-sms-rcs: a shopper asks for a person, but there is no Notification Module to tell the admin's feed")
    return "skipped"
  }
  const text = input.body.length > FEED_TEXT_CHARS ? `${cutText(input.body, FEED_TEXT_CHARS - 1)}…` : input.body
  try {
    await notifications.createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      idempotency_key: `sms-rcs-handoff:${eventId}`,
      resource_id: input.conversation_id,
      resource_type: "sms_rcs_conversation",
      data: {
        title: HANDOFF_FEED_TITLE,
        description: `${maskPhone(input.phone)} wrote “${text}”. The conversation waits in Messaging → Conversations.`,
      },
    })
    return "created"
  } catch (error) {
    logger.warn(
      `medusa-plugin-sms-rcs: the admin's feed was not told of a hand-off (${(error as Error).message}); ` +
        `add a provider for the "feed" channel to the Notification Module (e.g. @medusajs/medusa/notification-local)`
    )
    return "skipped"
  }
}

