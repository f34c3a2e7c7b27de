import { StatusBadge } from "@medusajs/ui"
import type { CampaignStatus } from "../../lib/campaigns"
import { useT } from "../../lib/i18n"

const COLORS: Record<CampaignStatus, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  draft: "grey",
  scheduled: "purple",
  sending: "blue",
  paused: "orange",
  sent: "green",
  canceled: "red",
}

/** The campaign's status in the owner's words: `sent` (everything has gone) reads "Completed". */
export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => {
  const { t } = useT()
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} data-testid="campaign-status" data-status={status}>
      {t(`campaigns.status.${status}`, { defaultValue: status })}
    </StatusBadge>
  )
}
