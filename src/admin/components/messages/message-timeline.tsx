import { Text } from "@medusajs/ui"
import { useFormat, useT } from "../../lib/i18n"
import type { AdminMessage } from "../../lib/messages"
import { MessageStatusBadge } from "../shared/message-status-badge"

type Step = { key: string; at: string }

/**
 * The status events the module records for a message — created, held until (quiet hours, a delay), sent to
 * the provider, delivered, read, failed — in the order they happened, each in the store's zone, then where
 * the message stands now and why.
 */
export const MessageTimeline = ({ message, zone }: { message: AdminMessage; zone: string | undefined }) => {
  const { t } = useT()
  const format = useFormat()
  const steps: Step[] = (
    [
      ["created", message.created_at],
      ["scheduled", message.send_after && message.send_after > message.created_at ? message.send_after : null],
      ["sent", message.sent_at],
      ["delivered", message.delivered_at],
      ["read", message.read_at],
      ["failed", message.failed_at],
    ] as [string, string | null | undefined][]
  )
    .filter((s): s is [string, string] => !!s[1])
    .map(([key, at]) => ({ key, at }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())

  return (
    <div className="flex flex-col gap-y-2" data-testid="message-timeline">
      <ol className="flex flex-col">
        {steps.map((s) => (
          <li
            key={s.key}
            className="flex items-baseline justify-between gap-x-4 py-1.5 pl-3"
            style={{ borderLeft: `2px solid ${s.key === "failed" ? "var(--tag-red-icon)" : "var(--border-base)"}` }}
            data-testid="message-timeline-step"
            data-step={s.key}
          >
            <Text size="small" weight="plus">
              {t(`messages.detail.events.${s.key}`)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {format.dateTime(s.at, zone)}
            </Text>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2" data-testid="message-timeline-now">
        <Text size="small">{t("messages.detail.events.current")}</Text>
        <MessageStatusBadge status={message.status} />
        {message.status_reason && (
          <Text size="xsmall" className="break-words text-ui-fg-subtle" data-testid="message-status-reason">
            {message.status_reason}
          </Text>
        )}
      </div>
    </div>
  )
}
