import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminOrder } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { MessageStatusBadge } from "../components/shared/message-status-badge"
import { RcsPreview } from "../components/shared/rcs-preview"
import { useMessages } from "../lib/messages"
import { useStoreTimeZone } from "../lib/store-settings"
import { formatDateTime } from "../lib/format"

/** The texts sent about this order, with their status, on the order page. */
const OrderMessagesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending: loading, error } = useMessages({ order_id: order.id })
  const messages = data?.messages ?? []
  const zone = useStoreTimeZone()

  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-order-messages">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">SMS &amp; RCS</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {messages.length} message{messages.length === 1 ? "" : "s"}
        </Text>
      </div>
      {loading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load messages: {error.message}</Text>}
      {!loading && !error && messages.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">No message was sent for this order.</Text>
      )}
      {messages.map((message) => (
        <div key={message.id} className="flex flex-col gap-y-2 px-6 py-4" data-testid="sms-rcs-message">
          <div className="flex items-center justify-between gap-x-2">
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall">{message.channel.toUpperCase()}</Badge>
              <Text size="small" weight="plus">
                {message.template_key ?? "message"}
              </Text>
            </div>
            <MessageStatusBadge status={message.status} />
          </div>
          {message.fallback_of_id && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="sms-rcs-fallback-note">
              Sent as SMS in place of an RCS message that was not delivered in time or failed.
            </Text>
          )}
          {message.channel === "rcs" && message.rich_payload ? (
            // what the RCS phone showed; the SMS text stays the fallback
            <RcsPreview payload={message.rich_payload} />
          ) : (
            message.body && (
              <Text size="small" className="whitespace-pre-wrap rounded-lg bg-ui-bg-subtle p-3">
                {message.body}
              </Text>
            )
          )}
          <Text size="xsmall" className="text-ui-fg-subtle">
            {message.to ?? "no phone"} ·{" "}
            {message.channel === "rcs"
              ? "rich message"
              : `${message.segments} segment${message.segments === 1 ? "" : "s"}${message.encoding ? ` (${message.encoding})` : ""}`}{" "}
            · {formatDateTime(message.created_at, zone)}
            {message.status_reason ? ` · ${message.status_reason}` : ""}
          </Text>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderMessagesWidget
