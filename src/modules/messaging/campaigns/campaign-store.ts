import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  bucketOf,
  CAMPAIGN_STATUSES,
  canMoveCampaign,
  countSql,
  dueAt,
  ratePerSecond,
  recipientPageSql,
  renderForRecipient,
  variantForBucket,
  type CampaignStatus,
  type PreparedVariant,
  type RecipientRow,
  type RenderContext,
  type AudienceDefinition,
} from "../../../lib/campaigns"
import { checkPhone } from "../../../lib/phone"
import { ruleRegionOf, timeZonesFor } from "../../../lib/sending-rules"
import { MessageStatus } from "../../../lib/message-status"
import { holdoutReason, isHeldOut } from "../../../lib/analytics/holdout"
import type { MessageWriter, NewMessage } from "../messages/message-writer"
import { withStatementTimeout } from "../statement-timeout"
import type { CampaignRow } from "./types"

const CAMPAIGN = "sms_rcs_campaign"
const MESSAGE = "sms_rcs_message"
/**
 * How long after an RCS text's deadline its SMS fallback may still be queued: the expiry job runs every
 * minute and takes a text 30 s past its deadline (dispatcher.fallBackExpiredRcs).
 */
const RCS_EXPIRY_REACH_MINUTES = 2

/** A page of recipients read and rendered, not written yet. */
export type PreparedPage = {
  /** Each with its tracked links. */
  messages: NewMessage[]
  recipients: number
  /** The last customer id of the page: where the next page starts. */
  cursor: string | null
  done: boolean
}

/** What a page of fan-out produced. */
export type PlannedPage = { recipients: number; planned: number; done: boolean }

/** Messages to hand to the queue, each with its due time. */
export type DueMessage = { id: string; at: Date }

export type CampaignProgress = Record<"queued" | "deferred" | "sending" | "sent" | "delivered" | "read" | "failed" | "skipped" | "suppressed" | "held_out" | "other", number> & {
  total: number
}

/**
 * The campaign's SQL: counting a segment, fanning out one page of recipients into message rows with the
 * page's cursor in the same transaction, and pausing, resuming and canceling what is not sent yet.
 */
export class CampaignStore {
  constructor(
    private readonly knex: Knex,
    /** The one writer of message rows (messages/message-writer.ts). */
    private readonly writer: MessageWriter,
    /** `reports.statementTimeoutMs`: how long a segment count may run. */
    private readonly countTimeoutMs = 15_000
  ) {}

  /** Eligible recipients of a definition now; a count past `countTimeoutMs` is stopped with a 400. */
  async count(definition: AudienceDefinition): Promise<number> {
    const { sql, bindings } = countSql(definition)
    return withStatementTimeout(
      this.knex,
      this.countTimeoutMs,
      { name: "Counting the segment", narrow: "make its rules narrower" },
      async (trx) => (await trx.raw(sql, bindings as Knex.RawBinding[])).rows[0].n
    )
  }

  async retrieve(id: string): Promise<CampaignRow | null> {
    return (await this.knex(CAMPAIGN).where({ id }).whereNull("deleted_at").first()) ?? null
  }

  /**
   * Moves a campaign to `to` if it is in a status that allows it, in one conditional UPDATE (two admins,
   * or an admin and the job, cannot both win). Returns the updated row, or null.
   */
  async move(id: string, to: CampaignStatus, fields: Record<string, unknown> = {}): Promise<CampaignRow | null> {
    const from = CAMPAIGN_STATUSES.filter((s) => canMoveCampaign(s, to))
    const [row] = await this.knex(CAMPAIGN)
      .where({ id })
      .whereIn("status", from)
      .whereNull("deleted_at")
      .update({ ...fields, status: to, updated_at: this.knex.fn.now() })
      .returning("*")
    return row ?? null
  }

  /**
   * Ends an A/B test: the winner is recorded and the fan-out starts again from the first customer for
   * the rest of the audience. Conditional on the test phase, so two runs of the job pick once.
   */
  async startRest(id: string, winner: string, at: Date): Promise<CampaignRow | null> {
    const [row] = await this.knex(CAMPAIGN)
      .where({ id, status: "sending", phase: "test" })
      .whereNull("deleted_at")
      .update({ phase: "rest", winner_variant: winner, winner_picked_at: at, cursor: null, fanned_out_at: null, updated_at: this.knex.fn.now() })
      .returning("*")
    return row ?? null
  }

  /** Scheduled campaigns whose time has come. */
  async dueToStart(now: Date): Promise<string[]> {
    const rows = await this.knex(CAMPAIGN).where({ status: "scheduled" }).where("scheduled_at", "<=", now).whereNull("deleted_at").pluck("id")
    return rows
  }

  /** Campaigns with work for the job: sending (fan-out, A/B decision, completion). */
  async sending(): Promise<string[]> {
    return this.knex(CAMPAIGN).where({ status: "sending" }).whereNull("deleted_at").orderBy("started_at").pluck("id")
  }

  /** Starts a due campaign: the audience is counted now and the pace of a window derived from it. */
  async start(campaign: CampaignRow, definition: AudienceDefinition, now: Date): Promise<CampaignRow | null> {
    const audience = await this.count(definition)
    return this.move(campaign.id, "sending", {
      started_at: now,
      audience_count: audience,
      rate_per_second: ratePerSecond(campaign.throttle, audience),
      phase: campaign.ab_test ? "test" : "all",
      cursor: null,
      fanned_out_at: null,
    })
  }

  /**
   * One page of the fan-out, read and rendered: the next `pageSize` recipients after `cursor`, each given
   * its variant (by a hash of campaign and phone), its text and its due time by the pace (`seq` is the
   * number of messages planned before this page). Nothing is written yet: see `commitPage`.
   */
  async preparePage(
    campaign: CampaignRow,
    definition: AudienceDefinition,
    variants: PreparedVariant[],
    context: RenderContext,
    pageSize: number,
    cursor: string | null,
    seq: number
  ): Promise<PreparedPage> {
    const page = recipientPageSql(definition, cursor, pageSize)
    const { rows: recipients } = (await this.knex.raw(page.sql, page.bindings as Knex.RawBinding[])) as { rows: RecipientRow[] }
    const byId = new Map(variants.map((v) => [v.id, v]))
    const weights = campaign.variants.map((v) => ({ id: v.id, weight: v.weight }))
    const start = new Date(campaign.started_at ?? Date.now())

    const messages: NewMessage[] = []
    for (const recipient of recipients) {
      const assigned = variantForBucket(bucketOf(campaign.id, recipient.phone), weights, campaign.ab_test)
      const variantId = campaign.phase === "rest" ? (assigned === "rest" ? campaign.winner_variant : null) : assigned === "rest" ? null : assigned
      const variant = variantId ? byId.get(variantId) : undefined
      if (!variant) continue // in the other phase's share
      const phone = checkPhone(recipient.phone)
      if (!phone.ok) continue // a consent recorded before the number types were refused
      const country = phone.country ?? null
      const text = renderForRecipient(variant, { first_name: recipient.first_name, last_name: recipient.last_name, country }, context)
      // the holdout share, by its own hash (not the A/B bucket's): recorded with the variant it would have had
      const heldOut = !text.problem && isHeldOut(campaign.id, phone.e164, campaign.holdout_percent)
      messages.push({
        to: phone.e164,
        raw_to: recipient.phone,
        country_code: country,
        rule_region: ruleRegionOf(phone.e164, country),
        time_zones: (timeZonesFor(country) as string[] | undefined) ?? null,
        channel: text.channel,
        purpose: "marketing",
        template_key: variant.template_key,
        locale: context.locale,
        body: text.body,
        rich_payload: text.rich_payload,
        // a text too long for any provider is recorded with its reason, never queued
        status: text.problem ? MessageStatus.FAILED : heldOut ? MessageStatus.HELD_OUT : MessageStatus.QUEUED,
        status_reason: heldOut ? holdoutReason(campaign.id, campaign.holdout_percent) : text.problem,
        idempotency_key: `campaign:${campaign.id}:${phone.e164}`,
        encoding: text.encoding,
        segments: text.segments,
        cost_amount: text.cost?.amount ?? null,
        cost_currency_code: text.cost?.currency_code ?? null,
        customer_id: recipient.customer_id,
        campaign_id: campaign.id,
        campaign_variant: variant.id,
        // pace: the n-th message planned is due at start + n / rate (a duplicate leaves a harmless gap)
        send_after: campaign.rate_per_second ? dueAt(start, seq + messages.length, campaign.rate_per_second) : heldOut ? start : null,
        links: text.links,
      })
    }
    return {
      messages,
      recipients: recipients.length,
      cursor: recipients.length ? recipients[recipients.length - 1].customer_id : cursor,
      done: recipients.length < pageSize,
    }
  }

  /**
   * Writes a prepared page: its messages with ON CONFLICT DO NOTHING on `campaign:<id>:<phone>`, the
   * links of those inserted, and the campaign's cursor, in one transaction. A crash before the commit
   * replays the page, one after it continues with the next, and nobody gets two messages.
   */
  async commitPage(campaignId: string, page: PreparedPage): Promise<PlannedPage> {
    return this.knex.transaction(async (trx) => {
      const planned = (await this.writer.insert(page.messages, trx)).length
      await trx(CAMPAIGN)
        .where({ id: campaignId })
        .update({
          // relative to the row, not to what this run read: two runs of the job on one page add nothing twice
          cursor: page.cursor ? trx.raw(`greatest(coalesce(cursor, ''), ?)`, [page.cursor]) : null,
          planned_count: trx.raw(`planned_count + ?`, [planned]),
          fanned_out_at: page.done ? new Date() : null,
          updated_at: trx.fn.now(),
        })
      return { recipients: page.recipients, planned, done: page.done }
    })
  }

  /** Resuming: what was left waits as long as the pause lasted, so the pace is kept. */
  async shiftAfterPause(campaign: CampaignRow, pausedMs: number): Promise<void> {
    await this.knex.raw(
      `UPDATE ${MESSAGE} SET send_after = send_after + (? * interval '1 millisecond'), updated_at = now()
        WHERE campaign_id = ? AND deleted_at IS NULL AND status = 'queued' AND send_after IS NOT NULL`,
      [pausedMs, campaign.id]
    )
  }

  /**
   * The next messages to hand to the queue: after the feed's cursor, in planning order (ids sort in the
   * order they were made), up to the first one not due before `until`. Quiet-hour deferrals are included
   * (their job waits until their time); a message sent, skipped or canceled meanwhile is passed over.
   */
  async feedPage(campaign: CampaignRow, until: Date, limit: number): Promise<DueMessage[]> {
    const { rows } = await this.knex.raw(
      `SELECT id, status, coalesce(send_after, created_at) AS at FROM ${MESSAGE}
        WHERE campaign_id = ? AND deleted_at IS NULL AND id > ? AND status IN ('queued', 'deferred')
        ORDER BY id LIMIT ?`,
      [campaign.id, campaign.fed_cursor ?? "", limit]
    )
    const due: DueMessage[] = []
    for (const row of rows as { id: string; status: string; at: Date }[]) {
      if (row.status === "queued" && new Date(row.at).getTime() > until.getTime()) break
      due.push({ id: row.id, at: new Date(row.at) })
    }
    return due
  }

  /** Moves the feed's cursor past what was handed to the queue (relative to the row, as commitPage does). */
  async fed(campaignId: string, lastId: string, count: number): Promise<void> {
    await this.knex(CAMPAIGN)
      .where({ id: campaignId })
      .update({
        fed_cursor: this.knex.raw(`greatest(coalesce(fed_cursor, ''), ?)`, [lastId]),
        fed_count: this.knex.raw(`fed_count + ?`, [count]),
        updated_at: this.knex.fn.now(),
      })
  }

  /** Canceling: messages not sent yet are skipped, with the reason; those sent stay as they are. */
  async skipWaiting(campaignId: string): Promise<number> {
    const { rowCount } = await this.knex.raw(
      `UPDATE ${MESSAGE} SET status = 'skipped', status_reason = 'campaign_canceled', status_updated_at = now(), updated_at = now()
        WHERE campaign_id = ? AND deleted_at IS NULL AND status IN ('queued', 'deferred')`,
      [campaignId]
    )
    return rowCount
  }

  /** Messages of the campaign per status (the admin's live progress). */
  async progress(campaignId: string): Promise<CampaignProgress> {
    const { rows } = await this.knex.raw(
      `SELECT status, count(*)::int AS n FROM ${MESSAGE} WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY status`,
      [campaignId]
    )
    const progress: CampaignProgress = {
      total: 0, queued: 0, deferred: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, suppressed: 0, held_out: 0, other: 0,
    }
    for (const row of rows as { status: keyof CampaignProgress; n: number }[]) {
      const key = row.status in progress && row.status !== "total" ? row.status : "other"
      progress[key] += row.n
      progress.total += row.n
    }
    return progress
  }

  /**
   * True when nothing of the campaign can still go out: nothing waiting or in a worker's hands, nothing
   * `unknown` (the reconciler puts a message the provider never saw back to `queued`, and sends it), and
   * no RCS text `sent` but not yet delivered whose SMS fallback may still be queued under this campaign:
   * one whose deadline is ahead, or passed less than {@link RCS_EXPIRY_REACH_MINUTES} ago (the expiry job
   * runs every minute, 30 s after a deadline), and that has no fallback row yet. A campaign completed
   * earlier would send texts its owner can no longer pause or cancel.
   */
  async nothingWaiting(campaignId: string): Promise<boolean> {
    const { rows } = await this.knex.raw(
      `SELECT 1 FROM ${MESSAGE} m
        WHERE m.campaign_id = ? AND m.deleted_at IS NULL
          AND (m.status IN ('queued', 'deferred', 'sending', 'unknown')
               OR (m.channel = 'rcs' AND m.status = 'sent' AND m.expires_at IS NOT NULL
                   AND m.expires_at > now() - make_interval(mins => ?)
                   AND NOT EXISTS (SELECT 1 FROM ${MESSAGE} f WHERE f.fallback_of_id = m.id)))
        LIMIT 1`,
      [campaignId, RCS_EXPIRY_REACH_MINUTES]
    )
    return rows.length === 0
  }
}
