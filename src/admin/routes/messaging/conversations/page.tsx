import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { ConversationFiltersBar } from "../../../components/conversations/conversation-filters"
import { filtersOf, isInboxView, type InboxView } from "../../../components/conversations/inbox-views"
import { ConversationList } from "../../../components/conversations/conversation-list"
import { ConversationPane } from "../../../components/conversations/conversation-pane"
import { TextToJoin } from "../../../components/conversations/text-to-join"
import { useConversationCounts, useConversations } from "../../../lib/conversations"
import { useT } from "../../../lib/i18n"
import { useStoreTimeZone } from "../../../lib/store-settings"
import { useDebouncedValue } from "../../../lib/use-debounced-value"

const PAGE_SIZE = 20

/**
 * Messaging → Conversations: the inbox. What shoppers text back, the automatic answers and the store's
 * replies, one conversation per phone; filters (open, waiting for the store, mine, unread), the thread with
 * the shopper and their orders beside it, and the reply box. The view, the search and the open conversation
 * live in the address, so a link or the back button brings them back. Everything refreshes on its own.
 */
const ConversationsPage = () => {
  const { t } = useT()
  const zone = useStoreTimeZone()
  const [params, setParams] = useSearchParams()
  const viewParam = params.get("view")
  const view: InboxView = isInboxView(viewParam) ? viewParam : "all"
  const selected = params.get("id")
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const [q, setQ] = useState(params.get("q") ?? "")
  const search = useDebouncedValue(q, 300)
  const [showJoin, setShowJoin] = useState(false)

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  useEffect(() => {
    if ((params.get("q") ?? "") !== search) update({ q: search || null, offset: null })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search])

  const list = useConversations(filtersOf(view, search), { limit: PAGE_SIZE, offset })
  const counts = useConversationCounts()
  const conversations = list.data?.conversations ?? []
  const count = list.data?.count ?? 0
  const filtering = view !== "all" || !!search

  return (
    <div className="flex flex-col gap-y-3" data-testid="conversations-page">
      <Container className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">{t("conversations.page.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("conversations.page.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setShowJoin(!showJoin)} aria-expanded={showJoin} data-testid="text-to-join-toggle">
          {showJoin ? t("conversations.join.hide") : t("conversations.join.show")}
        </Button>
      </Container>
      {showJoin && <TextToJoin />}
      <div className="grid items-start gap-3" style={{ gridTemplateColumns: "minmax(16rem, 22rem) minmax(0, 1fr)" }}>
        <Container className="divide-y p-0">
          <ConversationFiltersBar view={view} q={q} counts={counts.data} onView={(v) => update({ view: v === "all" ? null : v, offset: null })} onSearch={setQ} />
          {list.isPending && (
            <Text size="small" className="px-4 py-4 text-ui-fg-subtle" data-testid="conversations-loading">
              {t("common.loading")}
            </Text>
          )}
          {list.error && (
            <Text size="small" className="px-4 py-4 text-ui-fg-error" role="alert" data-testid="conversations-error">
              {t("conversations.page.error", { error: list.error.message })}
            </Text>
          )}
          {!list.isPending && !list.error && conversations.length === 0 && (
            <Text size="small" className="px-4 py-4 text-ui-fg-subtle" data-testid="conversations-empty">
              {filtering ? t("conversations.page.empty") : t("conversations.page.emptyAll")}
            </Text>
          )}
          {conversations.length > 0 && (
            <div aria-busy={list.isPlaceholderData} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <ConversationList conversations={conversations} selected={selected} onSelect={(id) => update({ id })} zone={zone} />
            </div>
          )}
          {count > PAGE_SIZE && (
            <div className="flex items-center justify-between px-4 py-3">
              <Text size="xsmall" className="text-ui-fg-subtle" data-testid="conversations-range">
                {t("conversations.page.range", { from: Math.min(offset + 1, count), to: Math.min(offset + conversations.length, count), count })}
              </Text>
              <div className="flex gap-x-2">
                <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) })}>
                  {t("conversations.page.previous")}
                </Button>
                <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= count} onClick={() => update({ offset: String(offset + PAGE_SIZE) })}>
                  {t("conversations.page.next")}
                </Button>
              </div>
            </div>
          )}
        </Container>
        {selected ? (
          <ConversationPane key={selected} id={selected} zone={zone} />
        ) : (
          <Container className="px-6 py-10 text-center">
            <Text size="small" className="text-ui-fg-subtle" data-testid="conversation-pick">
              {t("conversations.page.pick")}
            </Text>
          </Container>
        )}
      </div>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "conversations.menu",
  translationNs: "sms-rcs",
  // first under Messaging: the inbox is what the store opens every day, and what waits for an answer
  // matters more than past campaigns (Campaigns 10, Analytics 20, Messages 30, Consents 40)
  rank: 5,
})

/** The breadcrumb in the admin's language (a component, so that it can use the translation hook). */
const Breadcrumb = () => <>{useT().t("conversations.menu")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default ConversationsPage
