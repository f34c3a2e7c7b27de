import { Queue, Worker, type Job, type JobsOptions } from "bullmq"
import type IORedis from "ioredis"
import type { ProviderStatusEvent } from "../../../providers/types"

/** `held_claim`: the number of a claim this job could not give back (a database fault before the provider call). */
export type SendJob = { message_id: string; held_claim?: number }
export type StatusJob = { event: ProviderStatusEvent }

export type DispatchHandlers = {
  send(job: Job<SendJob>): Promise<void>
  status(job: Job<StatusJob>): Promise<void>
}

export type DispatchQueueOptions = {
  name: string
  concurrency: number
  attempts: number
  backoffMs: number
}

/**
 * The BullMQ side of dispatch. Jobs carry ids and provider event ids only: phone numbers and bodies
 * stay in PostgreSQL (BullMQ stores job data in clear text). The send job id is the message id, so
 * enqueueing a message twice while its job exists adds nothing.
 */
export class DispatchQueue {
  private readonly queue: Queue
  private worker?: Worker

  constructor(
    private readonly connection: IORedis,
    private readonly options: DispatchQueueOptions
  ) {
    this.queue = new Queue(options.name, {
      connection,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: "exponential", delay: options.backoffMs },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    })
  }

  async enqueueSends(messageIds: string[]): Promise<void> {
    if (!messageIds.length) {
      return
    }
    await this.queue.addBulk(
      messageIds.map((id) => ({ name: "send", data: { message_id: id } satisfies SendJob, opts: { jobId: id } }))
    )
  }

  /**
   * Queues messages again after a loss (sweeper, reconciliation). A job that still waits or runs is left
   * alone; one that has finished or failed (its worker died, it stalled too often) keeps the message's
   * job id and would silently swallow a new add, so it is removed first.
   */
  async requeueSends(messageIds: string[]): Promise<number> {
    const fresh: string[] = []
    for (const id of messageIds) {
      const state = await this.queue.getJobState(id)
      if (state === "completed" || state === "failed") {
        await this.queue.remove(id).catch(() => 0)
        fresh.push(id)
      } else if (state === "unknown") {
        fresh.push(id)
      }
    }
    await this.enqueueSends(fresh)
    return fresh.length
  }

  /** Sends a message no earlier than `at` (quiet hours). A job of its own: the current one is still active. */
  async enqueueSendAt(messageId: string, at: Date): Promise<void> {
    await this.queue.add("send", { message_id: messageId } satisfies SendJob, {
      jobId: `${messageId}-at-${at.getTime()}`,
      delay: Math.max(0, at.getTime() - Date.now()),
    })
  }

  /**
   * Many sends, each no earlier than its time (a campaign's pace). The job id is the message id, or
   * `<id>-<suffix>` to queue a message again after a pause: its first job may already have run (and found
   * the campaign paused); the claim in the worker keeps a message from going out twice either way.
   */
  async enqueueSendsAt(items: { id: string; at: Date }[], suffix?: string): Promise<void> {
    if (!items.length) return
    const now = Date.now()
    await this.queue.addBulk(
      items.map(({ id, at }) => ({
        name: "send",
        data: { message_id: id } satisfies SendJob,
        opts: { jobId: suffix ? `${id}-${suffix}` : id, delay: Math.max(0, at.getTime() - now) },
      }))
    )
  }

  async enqueueStatus(event: ProviderStatusEvent, delayMs: number): Promise<void> {
    const opts: JobsOptions = {
      // One job per provider event: a replayed webhook or a retried report adds nothing.
      jobId: `status-${event.provider}-${event.provider_message_id}-${event.status}`.replace(/:/g, "_"),
      delay: delayMs,
    }
    await this.queue.add("status", { event } satisfies StatusJob, opts)
  }

  /** Starts consuming; only in processes running in `worker` or `shared` mode. */
  startWorker(handlers: DispatchHandlers, onError: (error: Error) => void): void {
    if (this.worker) {
      return
    }
    this.worker = new Worker(
      this.options.name,
      async (job: Job) => {
        if (job.name === "send") {
          return handlers.send(job as Job<SendJob>)
        }
        if (job.name === "status") {
          return handlers.status(job as Job<StatusJob>)
        }
        throw new Error(`Unknown job "${job.name}"`)
      },
      { connection: this.connection, concurrency: this.options.concurrency, autorun: false }
    )
    this.worker.on("error", onError)
    // run() resolves only when the worker closes: never await it during start-up.
    void this.worker.run().catch(onError)
  }

  /**
   * Holds every worker of the queue back for `ms` (a rate limit or a provider's 429), and returns the
   * error to throw so BullMQ puts the current job back without counting an attempt.
   */
  async holdBack(ms: number): Promise<Error> {
    await this.worker?.rateLimit(ms)
    return Worker.RateLimitError()
  }

  /** Lets the jobs in hand finish, then stops taking new ones (SIGTERM). */
  async stopWorker(): Promise<void> {
    await this.worker?.close()
    this.worker = undefined
  }

  async close(): Promise<void> {
    await this.stopWorker()
    await this.queue.close()
  }

  /** For tests and the bench: waits until no job is waiting, delayed or active. */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts("waiting", "active", "delayed", "failed", "completed")
  }
}
