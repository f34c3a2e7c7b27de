import { MedusaError } from "@medusajs/framework/utils"
import type { PreparedVariant, RenderContext, AudienceDefinition } from "../../../lib/campaigns"
import type { DispatchQueue } from "../dispatch/dispatch-queue"
import { CampaignStore, type PlannedPage } from "./campaign-store"
import type { CampaignRow } from "./types"

/** How far ahead the queue is fed: the job runs every minute, so two minutes never leave it dry. */
export const FEED_HORIZON_MS = 2 * 60_000
/** At most this many jobs per feed: about a minute of the pipeline's pace (2,000 messages/s). */
export const FEED_MAX = 120_000
const FEED_PAGE = 5_000

/**
 * What changes a campaign's course and touches both PostgreSQL and the queue: planning pages, feeding
 * the queue, pausing, resuming, canceling.
 *
 * Planning and feeding are apart on purpose. Planning writes every recipient's message row (the truth,
 * idempotent per campaign × phone) as fast as PostgreSQL takes them; feeding hands BullMQ only the rows
 * due within `FEED_HORIZON_MS`, at most `FEED_MAX` per run. Redis so holds minutes of a campaign, not a
 * million jobs (about 1 KB each), and a pause has few jobs to outlive.
 */
export class CampaignControl {
  constructor(
    readonly store: CampaignStore,
    private readonly queue: DispatchQueue
  ) {}

  /**
   * Plans pages until the audience ends or `keepGoing` says stop (time budget, pause), each page read and
   * rendered while the previous one is written: Node renders on one core while PostgreSQL inserts on the
   * other. `afterPage` runs after each write (the job feeds the queue there). Returns the messages planned.
   */
  async plan(
    campaign: CampaignRow,
    definition: AudienceDefinition,
    variants: PreparedVariant[],
    context: RenderContext,
    pageSize: number,
    keepGoing: () => boolean | Promise<boolean> = () => true,
    afterPage: (page: PlannedPage) => Promise<void> = async () => undefined
  ): Promise<{ planned: number; pages: number; done: boolean }> {
    let seq = campaign.planned_count
    let page = await this.store.preparePage(campaign, definition, variants, context, pageSize, campaign.cursor, seq)
    let planned = 0
    let pages = 0
    for (;;) {
      seq += page.messages.length
      const writing = this.store.commitPage(campaign.id, page)
      const next = page.done ? null : this.store.preparePage(campaign, definition, variants, context, pageSize, page.cursor, seq)
      // both settle before anything else happens, so a failed write never leaves a read dangling
      const [written, prepared] = await Promise.allSettled([writing, next ?? Promise.resolve(null)])
      if (written.status === "rejected") throw written.reason
      if (prepared.status === "rejected") throw prepared.reason
      planned += written.value.planned
      pages++
      await afterPage(written.value)
      if (written.value.done || !prepared.value || !(await keepGoing())) {
        return { planned, pages, done: written.value.done }
      }
      page = prepared.value
    }
  }

  /**
   * Hands the queue the campaign's messages due before `now + FEED_HORIZON_MS`, from the feed's cursor.
   * Job ids carry the campaign's start (which a resume moves), so a message fed twice in one run of the
   * campaign is one job, and after a resume it gets a new one; the worker's claim sends it once either way.
   */
  async feed(campaignId: string, now: Date = new Date(), max = FEED_MAX): Promise<number> {
    const until = new Date(now.getTime() + FEED_HORIZON_MS)
    let fed = 0
    while (fed < max) {
      const campaign = await this.store.retrieve(campaignId)
      if (!campaign || campaign.status !== "sending" || !campaign.started_at) break
      const due = await this.store.feedPage(campaign, until, Math.min(FEED_PAGE, max - fed))
      if (!due.length) break
      await this.queue.enqueueSendsAt(due, `c${new Date(campaign.started_at).getTime()}`)
      await this.store.fed(campaignId, due[due.length - 1].id, due.length)
      fed += due.length
      if (due.length < FEED_PAGE) break
    }
    return fed
  }

  /**
   * Pausing takes effect at once: the worker's claim refuses messages of a paused campaign (see
   * message-states.ts), so jobs already in Redis find nothing to send, and planning and feeding stop.
   */
  async pause(id: string): Promise<CampaignRow> {
    const row = await this.store.move(id, "paused", { paused_at: new Date() })
    return row ?? this.refuse(id, "paused")
  }

  /**
   * Resuming continues where the campaign stopped: what was waiting is due as much later as the pause
   * lasted (the pace is kept), and the queue is fed again from the first waiting message, under new job
   * ids (the old jobs may have run and found the campaign paused). The claim still decides, so a message
   * never goes out twice.
   */
  async resume(id: string): Promise<CampaignRow> {
    const current = await this.store.retrieve(id)
    if (!current || current.status !== "paused") {
      return this.refuse(id, "resumed")
    }
    const pausedMs = current.paused_at ? Date.now() - new Date(current.paused_at).getTime() : 0
    const started = current.started_at ? new Date(new Date(current.started_at).getTime() + pausedMs) : null
    const row = await this.store.move(id, started ? "sending" : "scheduled", {
      paused_at: null,
      ...(started ? { started_at: started, fed_cursor: null } : {}),
    })
    if (!row) {
      return this.refuse(id, "resumed")
    }
    await this.store.shiftAfterPause(row, pausedMs)
    await this.feed(id)
    return row
  }

  /**
   * Completes a sending campaign whose every message is planned and none is waiting or being sent
   * (quiet hours, pace, a worker's claim): it becomes `sent`, with `sent_at`. Asked by the job every
   * minute and by the campaign's page while it polls, so the owner sees "Completed" as soon as the last
   * message has gone, not up to a minute later. A test phase waits for its winner, and the rest for its
   * fan-out. Conditional UPDATE: two callers complete it once.
   */
  async finishIfDone(id: string): Promise<CampaignRow | null> {
    const campaign = await this.store.retrieve(id)
    if (!campaign || campaign.status !== "sending" || !campaign.fanned_out_at || campaign.phase === "test") return null
    if (!(await this.store.nothingWaiting(id))) return null
    return this.store.move(id, "sent", { sent_at: new Date() })
  }

  /** Canceling: nothing more is planned or sent; what was sent stays in the results. A draft is refused. */
  async cancel(id: string): Promise<CampaignRow> {
    const row = await this.store.move(id, "canceled", { canceled_at: new Date() })
    if (!row) {
      const current = await this.store.retrieve(id)
      if (current?.status === "draft") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Campaign ${id} is a draft: it has sent nothing, so there is nothing to cancel; delete it (DELETE /admin/messaging/campaigns/${id}) or leave it`
        )
      }
      return this.refuse(id, "canceled")
    }
    await this.store.skipWaiting(id)
    return row
  }

  private async refuse(id: string, verb: string): Promise<never> {
    const current = await this.store.retrieve(id)
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Campaign with id: ${id} was not found`)
    }
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign ${id} is ${current.status} and cannot be ${verb}`)
  }
}
