import { model } from "@medusajs/framework/utils"
import { CAMPAIGN_STATUSES } from "../../../lib/campaigns/campaign-status"

/**
 * A marketing send to a segment: its texts (1–5 variants), when it starts, how fast it goes, and where
 * its fan-out stands. The fan-out's cursor (`cursor`, the last customer id planned, and
 * `planned_count`) is stored with each page's messages, so a restart continues where it stopped.
 */
export const Campaign = model
  .define(
    { name: "sms_campaign", tableName: "sms_rcs_campaign" },
    {
      id: model.id({ prefix: "smscamp" }).primaryKey(),
      name: model.text(),
      status: model.enum([...CAMPAIGN_STATUSES]).default("draft"),
      segment_id: model.text(),
      /** [{ id, name, weight, sms_body, rcs_payload? }] — see CampaignVariant in campaigns/types.ts. */
      variants: model.json(),
      /** { test_share, metric, decide_after_hours } or null for a plain split. */
      ab_test: model.json().nullable(),
      /** { per_second } or { spread_minutes }, or null for the provider's pace. */
      throttle: model.json().nullable(),
      /** Language the texts are written in (their opt-out mention, number formats). */
      locale: model.text().nullable(),
      /** When to start (UTC); null until scheduled. */
      scheduled_at: model.dateTime().nullable(),
      /** The zone the admin picked the time in, to show it back the same way. */
      time_zone: model.text().nullable(),
      started_at: model.dateTime().nullable(),
      paused_at: model.dateTime().nullable(),
      sent_at: model.dateTime().nullable(),
      canceled_at: model.dateTime().nullable(),
      /** Recipients counted when the campaign started; the pace of a window is computed from it. */
      audience_count: model.number().nullable(),
      rate_per_second: model.float().nullable(),
      /** "test" (A/B test share first), "rest" (the winner to everyone else) or "all". */
      phase: model.enum(["all", "test", "rest"]).default("all"),
      cursor: model.text().nullable(),
      planned_count: model.number().default(0),
      /**
       * The feed: the last message id handed to the queue, and how many were. Planned rows wait in
       * PostgreSQL; the job hands BullMQ only those due within the next minutes, so Redis holds a window,
       * not the campaign.
       */
      fed_cursor: model.text().nullable(),
      fed_count: model.number().default(0),
      /** When the current phase's fan-out reached the end of the audience. */
      fanned_out_at: model.dateTime().nullable(),
      winner_variant: model.text().nullable(),
      winner_picked_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
      /** Percent (0–50) of the audience held back (never texted) to measure what the campaign caused. */
      holdout_percent: model.float().default(0),
    }
  )
  .indexes([{ on: ["status", "scheduled_at"] }])
