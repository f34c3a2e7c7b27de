import { MedusaError } from "@medusajs/framework/utils"
import type { PreparedVariant, RenderContext, SegmentDefinition } from "../../../lib/campaigns"
import type { DispatchQueue } from "../dispatch/dispatch-queue"
import { CampaignStore, type PlannedPage } from "./campaign-store"
import type { CampaignRow } from "./types"

const REQUEUE_PAGE = 1_000

/**
 * What changes a campaign's course and touches both PostgreSQL and the queue: planning a page and
 * handing it to the queue, pausing, resuming, canceling.
 */
export class CampaignControl {
  constructor(
    readonly store: CampaignStore,
    private readonly queue: DispatchQueue
  ) {}

  /** Plans one page and queues it; rows first, so a crash in between leaves work for the sweeper, not a loss. */
  async planAndEnqueue(
    campaign: CampaignRow,
    definition: SegmentDefinition,
    variants: PreparedVariant[],
    context: RenderContext,
    pageSize: number
  ): Promise<PlannedPage> {
    const page = await this.store.planPage(campaign, definition, variants, context, pageSize)
    await this.queue.enqueueSendsAt(page.due)
    return page
  }

  /**
   * Pausing takes effect at once: the worker's claim refuses messages of a paused campaign (see
   * message-states.ts), so jobs already in Redis find nothing to send, and the fan-out stops planning.
   */
  async pause(id: string): Promise<CampaignRow> {
    const row = await this.store.move(id, "paused", { paused_at: new Date() })
    return row ?? this.refuse(id, "paused")
  }

  /**
   * Resuming continues where the campaign stopped: what was waiting is due as much later as the pause
   * lasted (the pace is kept), and is queued again under new job ids (the old jobs may have run and
   * found the campaign paused). The claim still decides, so a message never goes out twice.
   */
  async resume(id: string): Promise<CampaignRow> {
    const current = await this.store.retrieve(id)
    if (!current || current.status !== "paused") {
      return this.refuse(id, "resumed")
    }
    const pausedMs = current.paused_at ? Date.now() - new Date(current.paused_at).getTime() : 0
    const started = current.started_at ? new Date(new Date(current.started_at).getTime() + pausedMs) : null
    const row = await this.store.move(id, started ? "sending" : "scheduled", { paused_at: null, ...(started ? { started_at: started } : {}) })
    if (!row) {
      return this.refuse(id, "resumed")
    }
    await this.store.shiftAfterPause(row, pausedMs)
    const suffix = `resume-${Date.now()}`
    for (let after: string | null = null; ; ) {
      const page = await this.store.waitingPage(id, after, REQUEUE_PAGE)
      await this.queue.enqueueSendsAt(page, suffix)
      if (page.length < REQUEUE_PAGE) break
      after = page[page.length - 1].id
    }
    return row
  }

  /** Canceling: nothing more is planned or sent; what was sent stays in the results. */
  async cancel(id: string): Promise<CampaignRow> {
    const row = await this.store.move(id, "canceled", { canceled_at: new Date() })
    if (!row) {
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
