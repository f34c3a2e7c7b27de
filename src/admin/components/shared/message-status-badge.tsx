import { StatusBadge } from "@medusajs/ui"
import { useT } from "../../lib/i18n"

const COLORS: Record<string, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  delivered: "green",
  read: "green",
  sent: "blue",
  sending: "blue",
  queued: "grey",
  deferred: "orange",
  unknown: "orange",
  failed: "red",
  expired: "red",
  skipped: "grey",
  suppressed: "purple",
  held_out: "grey",
}

/** A message's status in the admin's language; `data-status` keeps the status itself for scripts and tests. */
export const MessageStatusBadge = ({ status }: { status: string }) => {
  const { t } = useT()
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} data-testid="sms-rcs-status" data-status={status}>
      {COLORS[status] ? t(`messages.status.${status}`) : status}
    </StatusBadge>
  )
}
