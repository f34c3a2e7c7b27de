import { Badge, Text } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { Link } from "react-router-dom"
import { personName, type ConversationEntry } from "../../lib/conversations"
import { useFormat, useT } from "../../lib/i18n"
import { templateName } from "../../lib/templates"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageBubble } from "../shared/message-bubble"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { RcsPreview } from "../shared/rcs-preview"

/** Who sent an outbound entry: the admin who replied, an automatic answer, or the template it came from. */
const Origin = ({ entry }: { entry: ConversationEntry }) => {
  const { t } = useT()
  if (entry.sent_by) return <span data-testid="entry-sent-by">{t("conversations.thread.sentBy", { name: personName(entry.sent_by) })}</span>
  if (entry.automatic)
    return (
      <Badge size="2xsmall" color="purple" data-testid="entry-automatic">
        {t("conversations.thread.automatic")}
      </Badge>
    )
  if (entry.template_key) return <span data-testid="entry-template">{templateName(t, entry.template_key)}</span>
  return <span>{t("conversations.thread.sentByStore")}</span>
}

/**
 * The conversation in the phone-bubble style of the template preview, seen from the store: the shopper's
 * texts and taps on the left, the store's messages on the right with who sent them and their status.
 * Scrolls to the newest entry when one arrives.
 */
export const ConversationThread = ({ entries, zone }: { entries: ConversationEntry[]; zone: string | undefined }) => {
  const { t } = useT()
  const format = useFormat()
  const end = useRef<HTMLDivElement>(null)
  const last = entries[entries.length - 1]?.id
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" })
  }, [last])
  if (!entries.length) {
    return (
      <Text size="small" className="px-4 py-6 text-center text-ui-fg-muted" data-testid="thread-empty">
        {t("conversations.thread.empty")}
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-3 bg-ui-bg-base px-4 py-4" data-testid="conversation-thread">
      {entries.length >= 200 && (
        <Text size="xsmall" className="text-center text-ui-fg-muted">
          {t("conversations.thread.older", { count: entries.length })}
        </Text>
      )}
      {entries.map((entry) => {
        const sent = entry.direction === "outbound"
        return (
          <div
            key={entry.id}
            className={`flex flex-col gap-y-1 ${sent ? "items-end" : "items-start"}`}
            data-testid="thread-entry"
            data-entry-id={entry.id}
            data-direction={entry.direction}
            data-kind={entry.kind}
            data-automatic={entry.automatic}
            data-message-id={entry.message_id ?? ""}
          >
            {entry.kind === "suggestion_tap" ? (
              <div className="self-start rounded-full border border-ui-border-strong bg-ui-bg-base px-3 py-1 text-xs font-medium text-ui-fg-interactive" data-testid="entry-body">
                {t("conversations.thread.tapped", { text: entry.body || entry.postback || "…" })}
              </div>
            ) : (
              <MessageBubble side={sent ? "sent" : "received"} testId="entry-body">
                {entry.body}
              </MessageBubble>
            )}
            {sent && entry.suggestions && entry.suggestions.length > 0 && (
              <div style={{ maxWidth: "85%" }}>
                <RcsPreview payload={{ suggestions: entry.suggestions.map((s) => ({ type: "reply", text: s.text })) }} />
              </div>
            )}
            <div className={`flex flex-wrap items-center gap-1.5 ${sent ? "justify-end" : ""}`}>
              <Text size="xsmall" className="text-ui-fg-muted">
                {format.dateTime(entry.at, zone)}
              </Text>
              {entry.channel && <ChannelBadge channel={entry.channel} />}
              {sent && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  <Origin entry={entry} />
                </Text>
              )}
              {sent && entry.status && <MessageStatusBadge status={entry.status} />}
              {entry.message_id && (
                <Link to={`/messaging/messages/${entry.message_id}`} className="txt-compact-xsmall text-ui-fg-interactive" data-testid="entry-message-link">
                  {t("conversations.thread.openMessage")}
                </Link>
              )}
            </div>
          </div>
        )
      })}
      <div ref={end} />
    </div>
  )
}
