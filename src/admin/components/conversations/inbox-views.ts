import type { ConversationFilters } from "../../lib/conversations"

/** The inbox's views: each one a filter of the list API, with its count where the API gives one. */
export const INBOX_VIEWS = ["all", "open", "waiting", "mine", "unread", "closed"] as const
export type InboxView = (typeof INBOX_VIEWS)[number]

export function filtersOf(view: InboxView, q: string): ConversationFilters {
  const base = { q: q || undefined }
  switch (view) {
    case "open":
    case "waiting":
    case "closed":
      return { ...base, status: view }
    case "mine":
      return { ...base, mine: true }
    case "unread":
      return { ...base, unread: true }
    default:
      return base
  }
}

export const isInboxView = (value: string | null): value is InboxView => !!value && (INBOX_VIEWS as readonly string[]).includes(value)
