import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { EMPTY_SEARCH, MessageFilters, type MessageSearch } from "../../../components/messages/message-filters"
import { MessageTable } from "../../../components/messages/message-table"
import { nextDay, startOfDayIn } from "../../../components/messages/zoned-day"
import { useT } from "../../../lib/i18n"
import { useMessagePage, type MessageFilters as ApiFilters } from "../../../lib/messages"
import { useStoreTimeZone } from "../../../lib/store-settings"

const PAGE_SIZE = 20
const KEYS = Object.keys(EMPTY_SEARCH) as (keyof MessageSearch)[]

/** The search as the API takes it: the days become the instants they start at in the store's zone. */
function apiFilters(search: MessageSearch, zone: string | undefined): ApiFilters {
  const { from, until, ...rest } = search
  return {
    ...rest,
    created_from: from ? startOfDayIn(from, zone) ?? undefined : undefined,
    created_to: until ? startOfDayIn(nextDay(until), zone) ?? undefined : undefined,
  }
}

/**
 * Messaging → Messages: every text the store sent, newest first, searchable by phone, order, customer,
 * template, campaign, status and days. The search lives in the address, so a link (the overview's
 * "failed messages") or the browser's back button brings it back.
 */
const MessagesPage = () => {
  const { t } = useT()
  const zone = useStoreTimeZone()
  const [params, setParams] = useSearchParams()
  const search = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ""])) as MessageSearch
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const filtering = KEYS.some((k) => search[k])
  // a date range waits for the store's zone: a day read in another zone would be another day
  const waitingForZone = !zone && !!(search.from || search.until)
  const { data, error, isPending, isPlaceholderData } = useMessagePage(apiFilters(waitingForZone ? { ...search, from: "", until: "" } : search, zone), {
    limit: PAGE_SIZE,
    offset,
  })
  const messages = data?.messages ?? []
  const count = data?.count ?? 0

  const go = (next: MessageSearch, nextOffset = 0) => {
    const entries = Object.entries(next).filter(([, v]) => v)
    if (nextOffset) entries.push(["offset", String(nextOffset)])
    setParams(new URLSearchParams(entries))
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-messages-page">
      <Container className="px-6 py-4">
        <Heading level="h1">{t("messages.list.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("messages.list.subtitle", { zone: zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone })}
        </Text>
      </Container>
      <Container className="divide-y p-0">
        <MessageFilters value={search} zone={zone} onChange={(next) => go(next)} />
        {isPending && (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="messages-loading">
            {t("common.loading")}
          </Text>
        )}
        {error && (
          <Text size="small" className="px-6 py-4 text-ui-fg-error" role="alert" data-testid="messages-error">
            {t("messages.list.error", { error: error.message })}
          </Text>
        )}
        {!isPending && !error && messages.length === 0 && (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="messages-empty">
            {filtering ? t("messages.list.empty") : t("messages.list.emptyAll")}
          </Text>
        )}
        {messages.length > 0 && (
          <div aria-busy={isPlaceholderData} style={{ opacity: isPlaceholderData ? 0.6 : 1 }}>
            <MessageTable messages={messages} zone={zone} />
          </div>
        )}
        {count > 0 && (
          <div className="flex items-center justify-between px-6 py-3">
            <Text size="small" className="text-ui-fg-subtle" data-testid="messages-count" data-count={count}>
              {t("messages.list.range", { from: Math.min(offset + 1, count), to: Math.min(offset + messages.length, count), count })}
            </Text>
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => go(search, Math.max(0, offset - PAGE_SIZE))} data-testid="messages-previous">
                {t("messages.list.previous")}
              </Button>
              <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= count} onClick={() => go(search, offset + PAGE_SIZE)} data-testid="messages-next">
                {t("messages.list.next")}
              </Button>
            </div>
          </div>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "messages.menu",
  translationNs: "sms-rcs",
  // under Messaging in the sidebar: Campaigns (10), Analytics (20), Messages (30), Consents
  rank: 30,
})

const Breadcrumb = () => <>{useT().t("messages.menu")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default MessagesPage
