import type { Logger } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Queue, Worker, type Job } from "bullmq"
import type IORedis from "ioredis"
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signHandoff } from "../../../lib/conversations/handoff-signature"
import type { ConversationOptions } from "../../../lib/conversations/options"
import { redactPhones } from "../../../lib/redact-phones"

export type HandoffWebhookSettings = NonNullable<ConversationOptions["handoffWebhook"]>

/** What a receiver gets (docs/conversations.md, "Hand-off webhook"). */
export type HandoffWebhookEvent = {
  type: "conversation.handoff_requested"
  id: string
  created_at: string
  data: { conversation_id: string; phone: string; customer_id: string | null; text: string; admin_url: string | null }
}

type DeliverJob = { event_id: string }

const TABLE = "sms_rcs_handoff_webhook"
/** Waits this long for Redis to take a job, then leaves the row for the sweeper (Redis away). */
const ENQUEUE_TIMEOUT_MS = 5_000
/** A pending row without a job this old is queued again by the sweeper (a job lost with Redis). */
const STRANDED_AFTER_MS = 60_000
/** Answers that say the request itself is wrong: trying again would get the same answer. */
const isFinalRefusal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429

/** The answer's first words, for `last_error` and the log (a receiver's page can be long). */
async function answerOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => "")
  // a receiver may echo the body: no phone in the log
  return redactPhones(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`)
}

/**
 * The signed POSTs that tell a help desk a shopper asks for a person, off the request path: PostgreSQL holds
 * each event (its id, the exact body signed), a small BullMQ queue of its own carries only the id and the
 * retries (exponential backoff, `attempts` in all). A 2xx ends it; a 4xx other than 408 and 429 is given up at
 * once (the receiver refuses this request; logged); a timeout, a 5xx, a 408 or 429 or a network error is
 * tried again. Once it is over the body and phone go, so the table keeps no personal data it no longer needs.
 */
export class HandoffWebhooks {
  /** Only when a webhook is configured: a store without one opens nothing. */
  private readonly queue?: Queue
  private worker?: Worker
  private readonly queueName: string

  constructor(
    private readonly knex: Knex,
    private readonly connection: IORedis,
    queuePrefix: string,
    private readonly settings: HandoffWebhookSettings | undefined,
    private readonly logger: Logger
  ) {
    this.queueName = `${queuePrefix}-handoff`
    if (!settings) return
    this.queue = new Queue(this.queueName, {
      connection,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: "exponential", delay: settings.backoffMs },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    })
  }

  get configured(): boolean {
    return !!this.settings
  }

  /**
   * Records the event (once per id: a replay finds its row) and queues its delivery. Redis away: the row
   * stays pending and the sweeper queues it (nothing is lost, the request is not held up). Returns
   * whether this call recorded it.
   */
  async queueEvent(event: HandoffWebhookEvent): Promise<{ recorded: boolean }> {
    if (!this.settings) return { recorded: false }
    const inserted = await this.knex(TABLE)
      .insert({ id: event.id, conversation_id: event.data.conversation_id, phone: event.data.phone, body: JSON.stringify(event), status: "pending" })
      .onConflict("id")
      .ignore()
      .returning("id")
    const row = inserted.length ? { status: "pending" } : await this.knex(TABLE).where({ id: event.id }).first("status")
    if (row?.status === "pending") await this.enqueue(event.id)
    return { recorded: inserted.length > 0 }
  }

  private async enqueue(eventId: string): Promise<boolean> {
    if (!this.queue) return false
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        // the job id is the event id: queued twice while its job exists, it is added once
        this.queue.add("deliver", { event_id: eventId } satisfies DeliverJob, { jobId: eventId }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS))),
      ])
      return true
    } catch (error) {
      this.logger.warn(`medusa-plugin-sms-rcs: hand-off webhook ${eventId} recorded, not queued yet (${(error as Error).message}); the sweeper will queue it`)
      return false
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Queues again the pending events no job carries any more (Redis restarted, or was away at enqueue);
   * returns how many.
   */
  async requeueStranded(): Promise<number> {
    if (!this.queue) return 0
    const rows: { id: string }[] = await this.knex(TABLE)
      .where({ status: "pending" })
      .whereNull("deleted_at")
      .where("updated_at", "<", new Date(Date.now() - STRANDED_AFTER_MS))
      .orderBy("created_at")
      .limit(500)
      .select("id")
    let requeued = 0
    for (const { id } of rows) {
      const state = await this.queue.getJobState(id).catch(() => "away")
      if (state === "unknown" && (await this.enqueue(id))) requeued++
      // its tries ran out but the process stopped before it said so: given up now
      else if (state === "failed") await this.settle(id, "failed", "given up (tries exhausted)")
    }
    return requeued
  }

  /** One try: POSTs the recorded body, signed now (each try has its own time, inside the receiver's tolerance). */
  async deliver(eventId: string): Promise<"delivered" | "refused" | "gone"> {
    const settings = this.settings
    const row: { body: string | null } | undefined = await this.knex(TABLE).where({ id: eventId, status: "pending" }).first("body")
    // delivered already, given up, or erased: nothing to send
    if (!settings || !row?.body) return "gone"
    await this.knex(TABLE).where({ id: eventId }).increment("attempts", 1).update({ updated_at: this.knex.fn.now() })
    let response: Response
    try {
      response = await fetch(settings.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "medusa-plugin-sms-rcs",
          [SIGNATURE_HEADER]: signHandoff(settings.secret, row.body),
          [EVENT_ID_HEADER]: eventId,
        },
        body: row.body,
        // a redirect is an answer, not a place to send the shopper's phone
        redirect: "manual",
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${settings.timeoutMs} ms` : (error as Error).message
      await this.knex(TABLE).where({ id: eventId }).update({ last_error: reason, updated_at: this.knex.fn.now() })
      throw new Error(`hand-off webhook ${eventId}: ${reason}`)
    }
    if (response.ok) {
      await response.body?.cancel().catch(() => undefined)
      await this.settle(eventId, "delivered", null)
      return "delivered"
    }
    const answer = await answerOf(response)
    if (isFinalRefusal(response.status)) {
      await this.settle(eventId, "failed", answer)
      this.logger.error(`medusa-plugin-sms-rcs: hand-off webhook ${eventId} refused by ${new URL(settings.url).host} (${answer}); not tried again`)
      return "refused"
    }
    await this.knex(TABLE).where({ id: eventId }).update({ last_error: answer, updated_at: this.knex.fn.now() })
    throw new Error(`hand-off webhook ${eventId}: ${answer}`)
  }

  /** The delivery is over: its outcome stays, the shopper's phone and words go. */
  private async settle(eventId: string, status: "delivered" | "failed", lastError: string | null): Promise<void> {
    await this.knex(TABLE)
      .where({ id: eventId, status: "pending" })
      .update({ status, last_error: lastError, body: null, phone: null, delivered_at: status === "delivered" ? this.knex.fn.now() : null, updated_at: this.knex.fn.now() })
  }

  /** Starts this process's worker (worker and shared modes), only when a webhook is configured. */
  start(): void {
    if (!this.settings || this.worker) return
    this.worker = new Worker(
      this.queueName,
      async (job: Job<DeliverJob>) => {
        await this.deliver(job.data.event_id)
      },
      { connection: this.connection, concurrency: 4, autorun: false }
    )
    this.worker.on("failed", (job, error) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return
      void this.settle(job.data.event_id, "failed", error.message.slice(0, 500)).catch(() => undefined)
      this.logger.error(`medusa-plugin-sms-rcs: hand-off webhook ${job.data.event_id} given up after ${job.attemptsMade} tries (${error.message})`)
    })
    this.worker.on("error", (error) => this.logger.error(`medusa-plugin-sms-rcs: hand-off webhook worker error: ${error.message}`))
    void this.worker.run().catch((error) => this.logger.error(`medusa-plugin-sms-rcs: hand-off webhook worker stopped: ${error.message}`))
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close()
    this.worker = undefined
  }

  async close(): Promise<void> {
    await this.stopWorker()
    await this.queue?.close()
  }
}
