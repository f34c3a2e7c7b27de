import { StatusBadge } from "@medusajs/ui"

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
}

export const MessageStatusBadge = ({ status }: { status: string }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="sms-rcs-status">
    {status}
  </StatusBadge>
)
