/** A campaign's life, in one place (as message-status.ts is for messages). */
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "sent", "canceled"] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  // a draft has sent nothing: it is deleted (or left), never canceled
  draft: ["scheduled"],
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

/**
 * `sent` is the campaign's end: everything planned, nothing waiting or in a worker's hands (what is out
 * with the provider settles on its own). The admin calls it "Completed".
 */
export const isFinished = (status: CampaignStatus) => status === "sent" || status === "canceled"

/** Only a draft or a scheduled campaign that has not started may change its audience or texts. */
export const isEditable = (status: CampaignStatus) => status === "draft" || status === "scheduled"
