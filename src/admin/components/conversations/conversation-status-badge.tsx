import { StatusBadge } from "@medusajs/ui"
import type { ConversationStatus } from "../../lib/conversations"
import { useT } from "../../lib/i18n"

const COLORS: Record<ConversationStatus, "green" | "orange" | "grey"> = { open: "green", waiting: "orange", closed: "grey" }

/** Open, waiting for the store, or closed, in the admin's language; `data-status` keeps the status itself. */
export const ConversationStatusBadge = ({ status }: { status: ConversationStatus }) => {
  const { t } = useT()
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} data-testid="conversation-status" data-status={status}>
      {t(`conversations.status.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}
