import { Badge, Input } from "@medusajs/ui"
import type { ConversationCounts } from "../../lib/conversations"
import { useT } from "../../lib/i18n"
import { INBOX_VIEWS, type InboxView } from "./inbox-views"

/** The views as buttons (with counts) and the search box. */
export const ConversationFiltersBar = ({
  view,
  q,
  counts,
  onView,
  onSearch,
}: {
  view: InboxView
  q: string
  counts: ConversationCounts | undefined
  onView: (view: InboxView) => void
  onSearch: (q: string) => void
}) => {
  const { t } = useT()
  return (
    <div className="flex flex-col gap-y-2 px-4 py-3" data-testid="conversation-filters">
      <div className="flex flex-wrap gap-1" role="tablist" aria-label={t("conversations.filters.searchLabel")}>
        {INBOX_VIEWS.map((v) => {
          const count = v in (counts ?? {}) ? counts![v as keyof ConversationCounts] : null
          const active = v === view
          return (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={active}
              onClick={() => onView(v)}
              data-testid={`conversation-filter-${v}`}
              data-active={active}
              className={`inline-flex items-center gap-x-1 rounded-md px-2 py-1 txt-compact-small-plus transition-colors ${
                active ? "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
              }`}
            >
              {t(`conversations.filters.${v}`)}
              {count !== null && count > 0 && (
                <Badge size="2xsmall" color={v === "waiting" || v === "unread" ? "orange" : "grey"} data-testid={`conversation-count-${v}`}>
                  {count}
                </Badge>
              )}
            </button>
          )
        })}
      </div>
      <Input
        size="small"
        type="search"
        value={q}
        placeholder={t("conversations.filters.search")}
        aria-label={t("conversations.filters.searchLabel")}
        onChange={(e) => onSearch(e.target.value)}
        data-testid="conversation-search"
      />
    </div>
  )
}
