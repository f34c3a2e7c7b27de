import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { sendMessageWorkflow, type SendMessageWorkflowInput } from "./send-message"
import { forgetNotificationTextStep } from "./steps/forget-notification-text"
import { readNotificationTextStep } from "./steps/read-notification-text"

type NotificationForMessage = {
  id: string
  to: string
  channel?: string | null
  template?: string | null
  data?: Record<string, unknown> | null
  idempotency_key?: string | null
  receiver_id?: string | null
  resource_type?: string | null
  resource_id?: string | null
}

/**
 * A Notification Module notification as a plugin message: the template (ours, by key) or the
 * notification's `content.text` (kept in PostgreSQL by the provider, see NotificationTexts), its `data` as variables, and its idempotency key (or its id) as ours.
 * `data.purpose: "marketing"` makes it a marketing message (consent, quiet hours, caps). On the `rcs`
 * channel (provider option `channels: ["sms", "rcs"]`) the template's RCS variant is tried first.
 */
export const sendNotificationWorkflow = createWorkflow(
  "sms-rcs-send-notification",
  (input: { notification_id: string; text?: string | null }) => {
  const text = readNotificationTextStep({ notification_id: input.notification_id, fallback: input.text })
  const { data: notifications } = useQueryGraphStep({
    entity: "notification",
    fields: ["id", "to", "channel", "template", "data", "idempotency_key", "receiver_id", "resource_type", "resource_id"],
    filters: { id: input.notification_id },
    options: { throwIfKeyNotFound: true },
  })
  const messageInput = transform({ notifications, text }, ({ notifications, text }): SendMessageWorkflowInput => {
    const n = notifications[0] as unknown as NotificationForMessage
    const data = n.data ?? {}
    return {
      template_key: n.template || "notification",
      idempotency_key: n.idempotency_key ? `notification:${n.idempotency_key}` : `notification:${n.id}`,
      phone: n.to,
      body: text ?? null,
      // the "rcs" channel asks for RCS first (SMS when the phone cannot); "sms" follows `rcs.provider`
      ...(n.channel === "rcs" ? { channel: "rcs" as const } : {}),
      variables: data,
      locale: typeof data.locale === "string" ? data.locale : null,
      purpose: data.purpose === "marketing" ? "marketing" : "transactional",
      customer_id: n.receiver_id ?? null,
      order_id: n.resource_type === "order" ? n.resource_id ?? null : typeof data.order_id === "string" ? data.order_id : null,
    }
  })
  const result = sendMessageWorkflow.runAsStep({ input: messageInput })
  forgetNotificationTextStep({ notification_id: input.notification_id })
  return new WorkflowResponse(result)
  }
)
