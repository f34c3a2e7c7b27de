import type { AbTest, CampaignStatus, AudienceDefinition, Throttle } from "../../../lib/campaigns"
import type { RcsPayload } from "../../../lib/rcs/payload"

/** One text of a campaign: written here, or taken from a template (SMS and its optional RCS variant). */
export type CampaignVariant = {
  id: string
  name: string
  /** Share of the audience (percent) without a test; relative share of the test group with one. */
  weight: number
  template_key?: string | null
  sms_body?: string | null
  rcs_payload?: RcsPayload | null
}

export type CampaignRow = {
  id: string
  name: string
  status: CampaignStatus
  segment_id: string
  variants: CampaignVariant[]
  ab_test: AbTest | null
  throttle: Throttle
  locale: string | null
  scheduled_at: Date | null
  time_zone: string | null
  started_at: Date | null
  paused_at: Date | null
  sent_at: Date | null
  canceled_at: Date | null
  audience_count: number | null
  rate_per_second: number | null
  phase: "all" | "test" | "rest"
  cursor: string | null
  planned_count: number
  fed_cursor: string | null
  fed_count: number
  fanned_out_at: Date | null
  winner_variant: string | null
  winner_picked_at: Date | null
  /** Percent (0–50) of the audience held back to measure incrementality. */
  holdout_percent: number
  created_at: Date
}

export type SegmentRow = { id: string; name: string; description: string | null; definition: AudienceDefinition }
