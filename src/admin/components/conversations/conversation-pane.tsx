import { Container, Heading, Text } from "@medusajs/ui"
import { FetchError } from "@medusajs/js-sdk"
import { personName, useConversation, useMarkReadWhileOpen } from "../../lib/conversations"
import { useFormat, useT } from "../../lib/i18n"
import { ConversationActions } from "./conversation-actions"
import { ConversationCustomer } from "./conversation-customer"
import { ConversationStatusBadge } from "./conversation-status-badge"
import { ConversationThread } from "./conversation-thread"
import { ReplyBox } from "./reply-box"

/** The open conversation: its header and actions, the thread, the reply box, and the shopper beside it. */
export const ConversationPane = ({ id, zone }: { id: string; zone: string | undefined }) => {
  const { t } = useT()
  const format = useFormat()
  const { data, error, isPending } = useConversation(id)
  useMarkReadWhileOpen(data?.conversation)
  if (isPending) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">{t("common.loading")}</Text>
      </Container>
    )
  }
  if (error || !data) {
    const gone = error instanceof FetchError && error.status === 404
    return (
      <Container className="px-6 py-4" role="alert" data-testid="conversation-error">
        <Text size="small" className={gone ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
          {gone ? t("conversations.thread.notFound") : t("conversations.thread.error", { error: error?.message })}
        </Text>
      </Container>
    )
  }
  const { conversation } = data
  return (
    <div className="grid items-start gap-3" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(14rem, 18rem)" }}>
      <Container className="divide-y p-0" data-testid="conversation-pane" data-conversation-id={conversation.id} data-status={conversation.status}>
        <div className="flex flex-col gap-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Heading level="h2" data-testid="conversation-title">
              {personName(conversation.customer) ?? conversation.phone}
            </Heading>
            <ConversationStatusBadge status={conversation.status} />
          </div>
          {conversation.status === "waiting" && conversation.waiting_since && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="conversation-waiting-since">
              {t("conversations.thread.waitingSince", { time: format.dateTime(conversation.waiting_since, zone) })}
            </Text>
          )}
          <ConversationActions conversation={conversation} />
        </div>
        <div className="overflow-y-auto" style={{ maxHeight: "60vh" }}>
          <ConversationThread entries={data.entries} zone={zone} />
        </div>
        <ReplyBox key={conversation.id} thread={data} />
      </Container>
      <ConversationCustomer conversation={conversation} zone={zone} />
    </div>
  )
}
