import { StatusBadge } from "@medusajs/ui"
import type { CampaignStatus } from "../../lib/campaigns"

const COLORS: Record<CampaignStatus, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  draft: "grey",
  scheduled: "purple",
  sending: "blue",
  paused: "orange",
  sent: "green",
  canceled: "red",
}

export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="campaign-status">
    {status}
  </StatusBadge>
)
