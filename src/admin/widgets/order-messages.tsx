import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminOrder } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { MessageStatusBadge } from "../components/shared/message-status-badge"
import { RcsPreview } from "../components/shared/rcs-preview"
import { useMessages } from "../lib/messages"
import { useStoreTimeZone } from "../lib/store-settings"
import { useFormat, useT } from "../lib/i18n"
import { Link } from "react-router-dom"

/** The texts sent about this order, with their status, on the order page. */
const OrderMessagesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending: loading, error } = useMessages({ order_id: order.id })
  const messages = data?.messages ?? []
  const zone = useStoreTimeZone()
  const { t } = useT()
  const format = useFormat()

  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-order-messages">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("orders.messages.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("orders.messages.count", { count: messages.length })}
        </Text>
      </div>
      {loading && <Text className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{t("orders.messages.error", { error: error.message })}</Text>}
      {!loading && !error && messages.length === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">{t("orders.messages.empty")}</Text>
      )}
      {messages.map((message) => (
        <div key={message.id} className="flex flex-col gap-y-2 px-6 py-4" data-testid="sms-rcs-message">
          <div className="flex items-center justify-between gap-x-2">
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall">{message.channel.toUpperCase()}</Badge>
              <Text size="small" weight="plus">
                {message.template_key ?? t("orders.messages.message")}
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <MessageStatusBadge status={message.status} />
              <Link to={`/messaging/messages/${message.id}`} className="text-ui-fg-interactive txt-compact-xsmall" data-testid="sms-rcs-message-open">
                {t("orders.messages.open")}
              </Link>
            </div>
          </div>
          {message.fallback_of_id && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="sms-rcs-fallback-note">
              {t("orders.messages.fallbackNote")}
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
            {message.to ?? t("orders.messages.noPhone")} ·{" "}
            {message.channel === "rcs"
              ? t("orders.messages.richMessage")
              : `${t("orders.messages.segments", { count: message.segments })}${message.encoding ? ` (${message.encoding})` : ""}`}{" "}
            · {format.dateTime(message.created_at, zone)}
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
