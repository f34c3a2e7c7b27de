import { Button, Select, Text, toast } from "@medusajs/ui"
import {
  personName,
  useAdminUsers,
  useAssignConversation,
  useCloseConversation,
  useCurrentUser,
  useReopenConversation,
  type Conversation,
} from "../../lib/conversations"
import { useT } from "../../lib/i18n"

const NOBODY = "__nobody__"

/** Who handles the conversation (any admin user, or nobody), and closing or reopening it. */
export const ConversationActions = ({ conversation }: { conversation: Conversation }) => {
  const { t } = useT()
  const users = useAdminUsers()
  const me = useCurrentUser()
  const assign = useAssignConversation(conversation.id)
  const close = useCloseConversation(conversation.id)
  const reopen = useReopenConversation(conversation.id)
  const failed = (error: Error) => toast.error(t("conversations.actions.failed", { error: error.message }))
  const people = users.data?.users ?? []
  // the assignee stays listed even if the user list does not have them (deleted since, or past the first 100)
  const options = conversation.assignee && !people.some((u) => u.id === conversation.assignee!.id) ? [conversation.assignee, ...people] : people
  const closed = conversation.status === "closed"
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="conversation-actions">
      <Text size="small" className="text-ui-fg-subtle">
        {t("conversations.actions.assignee")}
      </Text>
      <div style={{ width: 192 }}>
        <Select
          size="small"
          value={conversation.assignee?.id ?? NOBODY}
          onValueChange={(value) => assign.mutate(value === NOBODY ? null : value, { onError: failed })}
          disabled={assign.isPending}
        >
          <Select.Trigger data-testid="conversation-assignee">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NOBODY}>{t("conversations.actions.unassigned")}</Select.Item>
            {options.map((u) => (
              <Select.Item key={u.id} value={u.id} data-testid="conversation-assignee-option">
                {personName(u)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {me.data && conversation.assignee?.id !== me.data.id && (
        <Button size="small" variant="secondary" onClick={() => assign.mutate(me.data!.id, { onError: failed })} isLoading={assign.isPending} data-testid="conversation-assign-me">
          {t("conversations.actions.assignToMe")}
        </Button>
      )}
      {closed ? (
        <Button size="small" variant="secondary" onClick={() => reopen.mutate(undefined, { onError: failed })} isLoading={reopen.isPending} data-testid="conversation-reopen">
          {t("conversations.actions.reopen")}
        </Button>
      ) : (
        <Button size="small" variant="secondary" onClick={() => close.mutate(undefined, { onError: failed })} isLoading={close.isPending} data-testid="conversation-close">
          {t("conversations.actions.close")}
        </Button>
      )}
    </div>
  )
}
