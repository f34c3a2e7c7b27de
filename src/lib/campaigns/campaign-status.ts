/** A campaign's life, in one place (as message-status.ts is for messages). */
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "sent", "canceled"] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["scheduled", "canceled"],
  // back to draft to edit it before it starts
  scheduled: ["draft", "sending", "paused", "canceled"],
  sending: ["paused", "sent", "canceled"],
  // resuming goes back to where it was: scheduled if it had not started, sending if it had
  paused: ["scheduled", "sending", "canceled"],
  sent: [],
  canceled: [],
}

export function canMoveCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Only a draft or a scheduled campaign that has not started may change its audience or texts. */
export const isEditable = (status: CampaignStatus) => status === "draft" || status === "scheduled"
