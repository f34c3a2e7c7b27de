import { Badge, Text } from "@medusajs/ui"
import { useFormat, useT } from "../../lib/i18n"
import { useMessages } from "../../lib/messages"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { useStoreTimeZone } from "../../lib/store-settings"

/**
 * Every text the order's customer received, newest first, with its channel and status: the credited one
 * is marked, and the ones sent after the order was placed are told apart (they could not have driven it).
 */
export const CustomerMessageTimeline = ({
  customerId,
  creditedMessageId,
  orderPlacedAt,
}: {
  customerId: string
  creditedMessageId: string | null
  orderPlacedAt?: string | Date | null
}) => {
  const { data, isPending: loading, error } = useMessages({ customer_id: customerId })
  const messages = data?.messages ?? []
  const count = data?.count ?? 0
  const zone = useStoreTimeZone()
  const { t } = useT()
  const format = useFormat()
  const placedAt = orderPlacedAt ? new Date(orderPlacedAt).getTime() : NaN

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="attribution-timeline">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {t("orders.timeline.title")}
        </Text>
        {!loading && !error && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {count > messages.length ? t("orders.timeline.latest", { shown: messages.length, count }) : t("orders.timeline.count", { count })}
          </Text>
        )}
      </div>
      {loading && <Text size="small" className="text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && <Text size="small" className="text-ui-fg-error">{t("orders.timeline.error", { error: error.message })}</Text>}
      {!loading && !error && messages.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">{t("orders.timeline.empty")}</Text>
      )}
      <ol className="flex flex-col">
        {messages.map((m) => {
          const at = m.sent_at ?? m.created_at
          const credited = m.id === creditedMessageId
          const after = Number.isFinite(placedAt) && new Date(at).getTime() > placedAt
          const automation = typeof m.metadata?.automation === "string" ? (m.metadata.automation as string) : null
          return (
            <li
              key={m.id}
              className="flex flex-col gap-y-1 py-2 pl-3"
              // inline: a border colour the dashboard's Tailwind build may not generate for a plugin
              style={{ borderLeft: `2px solid ${credited ? "var(--tag-green-icon)" : "var(--border-base)"}` }}
              data-testid="attribution-timeline-item"
              data-message-id={m.id}
              data-credited={credited}
            >
              <div className="flex items-center justify-between gap-x-2">
                <div className="flex min-w-0 items-center gap-x-2">
                  <ChannelBadge channel={m.channel} />
                  <Text size="xsmall" weight="plus" className="truncate">
                    {m.template_key ?? t("orders.messages.message")}
                  </Text>
                  {credited && (
                    <Badge size="2xsmall" color="green">
                      {t("orders.timeline.credited")}
                    </Badge>
                  )}
                </div>
                <MessageStatusBadge status={m.status} />
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {[
                  format.dateTime(at, zone),
                  automation,
                  m.campaign_id ? t("orders.timeline.campaign", { id: m.campaign_id }) : null,
                  after ? t("orders.timeline.afterOrder") : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
