import { Badge, Text } from "@medusajs/ui"
import { personName, type Conversation } from "../../lib/conversations"
import { useFormat, useT } from "../../lib/i18n"
import { ConversationStatusBadge } from "./conversation-status-badge"

/** The conversations, newest activity first: who, the last text, its status, unread texts, the assignee. */
export const ConversationList = ({
  conversations,
  selected,
  onSelect,
  zone,
}: {
  conversations: Conversation[]
  selected: string | null
  onSelect: (id: string) => void
  zone: string | undefined
}) => {
  const { t } = useT()
  const format = useFormat()
  return (
    <ul className="divide-y" data-testid="conversation-list">
      {conversations.map((c) => {
        const who = personName(c.customer) ?? c.phone
        const active = c.id === selected
        return (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onSelect(c.id)}
              aria-current={active}
              data-testid="conversation-row"
              data-conversation-id={c.id}
              data-status={c.status}
              data-unread={c.unread_count}
              className={`flex w-full flex-col gap-y-1 px-4 py-3 text-left transition-colors ${active ? "bg-ui-bg-base-pressed" : "hover:bg-ui-bg-base-hover"}`}
            >
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" weight={c.unread_count ? "plus" : "regular"} className="truncate" data-testid="conversation-row-who">
                  {who}
                </Text>
                <Text size="xsmall" className="shrink-0 text-ui-fg-muted">
                  {format.dateTime(c.last_activity_at, zone)}
                </Text>
              </div>
              {c.customer && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {c.phone}
                </Text>
              )}
              <Text size="small" className="line-clamp-2 text-ui-fg-subtle" data-testid="conversation-row-last">
                {c.last_entry ? (
                  <>
                    {c.last_entry.direction === "outbound" && <span className="text-ui-fg-muted">{t("conversations.row.you")}</span>}
                    {c.last_entry.body}
                  </>
                ) : (
                  <span className="text-ui-fg-muted">{t("conversations.row.noText")}</span>
                )}
              </Text>
              <div className="flex flex-wrap items-center gap-1">
                <ConversationStatusBadge status={c.status} />
                {c.unread_count > 0 && (
                  <Badge size="2xsmall" color="blue" data-testid="conversation-row-unread">
                    {t("conversations.row.unread", { count: c.unread_count })}
                  </Badge>
                )}
                {c.assignee && (
                  <Text size="xsmall" className="text-ui-fg-muted" data-testid="conversation-row-assignee">
                    {t("conversations.row.assignedTo", { name: personName(c.assignee) })}
                  </Text>
                )}
              </div>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
