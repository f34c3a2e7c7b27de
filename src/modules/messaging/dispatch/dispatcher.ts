import type { Logger } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Worker, type Job } from "bullmq"
import type IORedis from "ioredis"
import { MessageStatus } from "../../../lib/message-status"
import { AWAITING_OFFER_CODE, awaitsOfferCode } from "../../../lib/offers/offer-code"
import type { PluginOptions } from "../../../providers"
import { redactPhones } from "../../../lib/redact-phones"
import {
  createProviders,
  ProviderError,
  type MessagingProvider,
  type OutboundMessage,
  type Providers,
  type ProviderStatusEvent,
} from "../../../providers"
import type { ConsentStore } from "../consent/consent-store"
import type { MessageStates, ClaimedMessage } from "../messages/message-states"
import type { MessageWriter } from "../messages/message-writer"
import { retryDb } from "./db-retry"
import { DispatchQueue, type SendJob, type StatusJob } from "./dispatch-queue"
import { KeptAnswers } from "./kept-answers"
import { RateLimiter } from "./rate-limiter"
import { RcsChannel } from "./rcs-channel"
import { Reconciler, type ReconcileReport } from "./reconciler"
import { recordAccepted } from "./record-answer"
import { SendingGuards } from "./sending-guards"

/** BullMQ's "put the job back without counting an attempt" (a rate limit, a provider's 429). */
function isRateLimitError(error: unknown): boolean {
  return (error as Error)?.name === "RateLimitError" || (error as Error)?.message === Worker.RateLimitError().message
}

/** A delivery status that arrives before its message is known is retried, then dropped with a log. */
class StatusForUnknownMessage extends Error {}

export type DispatcherParts = {
  knex: Knex
  options: PluginOptions
  logger: Logger
  redis: IORedis
  states: MessageStates
  consents: ConsentStore
  writer: MessageWriter
  /** Jobs this process holds at once (`sharedConcurrency` in shared mode); `options.concurrency` by default. */
  concurrency?: number
  /** Asks the app to create the message's offer code (see lib/offers/offer-code.ts). */
  requestOfferCode?: (messageId: string) => Promise<void>
}

/**
 * The send worker, taken out of the service: a job's message is claimed (exactly once), checked
 * (consent, quiet hours, caps), routed (RCS or SMS), paced, sent, and the answer recorded; provider
 * errors are turned into the state machine's moves; status reports are applied; RCS messages that fail
 * or expire are replaced by their SMS. Every write is a conditional UPDATE in messages/message-states.ts.
 */
export class Dispatcher {
  readonly queue: DispatchQueue
  readonly providers: Providers
  readonly rcs: RcsChannel
  private readonly guards: SendingGuards
  private readonly kept: KeptAnswers
  private readonly reconciler: Reconciler
  private readonly limiter?: RateLimiter
  private readonly options: PluginOptions
  private readonly logger: Logger
  private readonly states: MessageStates
  private readonly consents: ConsentStore
  private readonly writer: MessageWriter
  private readonly requestOfferCode?: (messageId: string) => Promise<void>

  constructor(parts: DispatcherParts) {
    const { knex, options, redis } = parts
    this.options = options
    this.logger = parts.logger
    this.states = parts.states
    this.consents = parts.consents
    this.writer = parts.writer
    this.requestOfferCode = parts.requestOfferCode
    this.guards = new SendingGuards(
      options,
      (message, caps) => this.states.skipIfOverCap(message, caps),
      (phone) => this.consents.stateForSend(phone)
    )
    this.queue = new DispatchQueue(redis, {
      name: options.queueName,
      concurrency: parts.concurrency ?? options.concurrency,
      attempts: options.retry.attempts,
      backoffMs: options.retry.backoffMs,
    })
    this.providers = createProviders(options, { reportStatus: (event, delayMs) => this.queue.enqueueStatus(event, delayMs) })
    this.rcs = new RcsChannel(knex, options, this.providers.rcs)
    this.kept = new KeptAnswers(redis, options.queueName)
    this.reconciler = new Reconciler(this.states, this.providers, this.kept, this.queue, this.logger, (id, reason) =>
      this.fallBackToSms(id, reason)
    )
    if (options.rateLimit) {
      this.limiter = new RateLimiter(redis, `${options.queueName}:rate:${this.providers.sms.identifier}`, options.rateLimit)
    }
  }

  /** Starts this process's worker (not in `server` mode). */
  start(): void {
    // While Redis is away BullMQ reports every reconnection attempt: log once per message per minute.
    const lastLogged = new Map<string, number>()
    this.queue.startWorker({ send: (job) => this.processSendJob(job), status: (job) => this.processStatusJob(job) }, (error) => {
      const now = Date.now()
      if (now - (lastLogged.get(error.message) ?? 0) > 60_000) {
        lastLogged.set(error.message, now)
        this.logger.error(`medusa-plugin-sms-rcs: dispatch worker error: ${error.message}`)
      }
    })
    this.logger.info(
      `medusa-plugin-sms-rcs: dispatch worker started (SMS via ${this.providers.sms.identifier}, ` +
        `RCS ${this.providers.rcs ? `via ${this.providers.rcs.identifier}` : "off"}, queue ${this.options.queueName})`
    )
  }

  /** Applies a provider's status report (webhook or sandbox) through the state machine. */
  async applyStatusEvent(event: ProviderStatusEvent): Promise<{ applied: boolean; message_id: string | null }> {
    const messageId =
      event.message_id ??
      (await this.states.findByProviderId(event.provider, event.provider_message_id)) ??
      (await this.findByDerivedId(event))
    if (!messageId) {
      return { applied: false, message_id: null }
    }
    const at = new Date(event.occurred_at)
    const applied = await this.states.transition(messageId, event.status, {
      at: Number.isNaN(at.getTime()) ? new Date() : at,
      provider: event.provider,
      provider_message_id: event.provider_message_id,
      ...(event.reason ? { status_reason: event.reason } : {}),
    })
    if (applied && (event.status === "failed" || event.status === "expired")) {
      await this.fallBackToSms(messageId, event.reason ?? `RCS ${event.status}`)
    }
    return { applied, message_id: messageId }
  }

  /** A provider whose ids derive from ours finds the message before its answer was recorded. */
  protected async findByDerivedId(event: ProviderStatusEvent): Promise<string | null> {
    const provider = this.providers.byId.get(event.provider)
    if (!provider?.providerMessageIdOf || !event.to) return null
    return this.states.findByDerivedId(event.to, event.provider_message_id, (id) => provider.providerMessageIdOf!(id))
  }

  /**
   * A webhook's status report: applied now, or, for a message not known yet (its send's answer not
   * recorded), kept as a status job that is retried with backoff until the message is known.
   */
  async receiveStatusEvent(event: ProviderStatusEvent): Promise<{ applied: boolean; message_id: string | null; kept: boolean }> {
    const result = await this.applyStatusEvent(event)
    if (result.message_id) {
      return { ...result, kept: false }
    }
    await this.queue.enqueueStatus(event, 1_000)
    return { ...result, kept: true }
  }

  /** See MessagingModuleService.reconcileUnknown. */
  async reconcileUnknown(olderThanMs: number): Promise<ReconcileReport> {
    return this.reconciler.run(olderThanMs)
  }

  /**
   * Re-enqueues due messages older than `olderThanMs` that no job carries any more (lost Redis data, a
   * crash between insert and enqueue), and turns claims abandoned by a dead worker into `unknown`.
   */
  async sweepStranded(olderThanMs: number, staleClaimMs: number): Promise<{ requeued: number; unknown: number }> {
    const unknown = await this.states.releaseStaleClaims(staleClaimMs)
    const ids = await this.states.stranded(olderThanMs, 1_000)
    const requeued = await this.queue.requeueSends(ids)
    return { requeued, unknown }
  }

  protected async processSendJob(job: Job<SendJob>): Promise<void> {
    const id = job.data.message_id
    const message = await this.states.claim(id, job.data.held_claim)
    if (!message) {
      // Sent, skipped, not yet due or claimed elsewhere already: a duplicate job is a no-op.
      return
    }
    let ready: { provider: MessagingProvider; note: string | null } | null
    try {
      ready = await this.prepareSend(message)
    } catch (error) {
      // Nothing reached the provider: a database error here is retried by BullMQ like any other.
      throw await this.giveBackClaim(job, message, error)
    }
    if (!ready) {
      return
    }
    const { provider, note } = ready
    // an RCS message not delivered by then is revoked and replaced by its SMS (recorded with "sent")
    const deadline = message.channel === "rcs" ? this.rcs.deadline() : null
    const outbound: OutboundMessage = {
      id: message.id,
      to: message.to,
      channel: message.channel,
      body: message.body,
      rich_payload: message.rich_payload,
      expires_at: deadline,
      media_url: message.media_url ?? null,
    }
    // Only the provider call may decide a retry: its try holds nothing else.
    let result: Awaited<ReturnType<MessagingProvider["send"]>>
    try {
      result = await provider.send(outbound)
    } catch (error) {
      return this.handleSendError(job, message, provider, error, deadline)
    }
    await recordAccepted(this.states, this.kept, this.logger, {
      id,
      provider: provider.identifier,
      provider_message_id: result.provider_message_id,
      note,
      deadline,
    })
  }
  /**
   * Everything between the claim and the provider call: consent, quiet hours and caps, the channel (RCS
   * capability), the rate-limit slot, then consent again, read last so that a STOP arriving meanwhile
   * still stops the message. Null when the message is not to be sent now (deferred, skipped, suppressed).
   */
  protected async prepareSend(message: ClaimedMessage): Promise<{ provider: MessagingProvider; note: string | null } | null> {
    const id = message.id
    // consent first as well: a message that may not go is suppressed now, not deferred to the morning by
    // quiet hours (and read again last, below, for a STOP that arrives while the message waits)
    const early = await this.guards.consent(message)
    if (early.action === "suppress") {
      await this.states.transition(id, MessageStatus.SUPPRESSED, { status_reason: early.reason, undo_attempt: true })
      return null
    }
    const decision = await this.guards.hoursAndCaps(message)
    if (decision.action === "defer") {
      await this.states.transition(id, MessageStatus.DEFERRED, {
        send_after: decision.until,
        status_reason: decision.reason,
        undo_attempt: true,
      })
      await this.queue.enqueueSendAt(id, decision.until)
      return null
    }
    if (decision.action === "skip") {
      await this.states.transition(id, MessageStatus.SKIPPED, { status_reason: decision.reason, undo_attempt: true })
      return null
    }
    if (awaitsOfferCode(message.body, message.rich_payload) && this.requestOfferCode) {
      // Every check passed: only now is the single-use code created (never for a message that is skipped
      // or suppressed). The message goes back to `queued` until the app has filled the code in and queued
      // it again; if that request is lost, the sweeper queues the message again and it asks once more.
      await this.states.transition(id, MessageStatus.QUEUED, { status_reason: AWAITING_OFFER_CODE, undo_attempt: true })
      await this.requestOfferCode(id)
      return null
    }
    const { provider, note } = await this.routeChannel(message)
    // `rateLimit` is the SMS gateway's pace, in segments; RCS messages go to another gateway, unpaced
    const limiter = provider === this.providers.sms ? this.limiter : undefined
    const wait = (await limiter?.take(message.segments)) ?? 0
    if (wait < 0) {
      throw await this.putBack(id, -wait, "rate_limited")
    }
    if (wait > 0) {
      // our reserved slot in the provider's pace
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
    const consent = await this.guards.consent(message)
    if (consent.action === "suppress") {
      await this.states.transition(id, MessageStatus.SUPPRESSED, { status_reason: consent.reason, undo_attempt: true })
      return null
    }
    return { provider, note }
  }

  /**
   * A claim that did not reach the provider (PostgreSQL failed before the call) goes back to `queued`;
   * if even that cannot be written, the job keeps the claim's number so that its retry takes this same
   * claim again (no other job can). Returns the error for BullMQ to retry the job with.
   */
  protected async giveBackClaim(job: Job<SendJob>, message: ClaimedMessage, error: unknown): Promise<unknown> {
    if (isRateLimitError(error)) {
      return error
    }
    const reason = `retrying: ${(error as Error)?.message ?? String(error)}`
    try {
      await retryDb(() => this.states.transition(message.id, MessageStatus.QUEUED, { status_reason: reason, undo_attempt: true }))
    } catch {
      await job.updateData({ ...job.data, held_claim: message.attempts }).catch(() => undefined)
    }
    return error
  }

  /**
   * The provider for a claimed message. An RCS message goes to the RCS provider if its phone can take
   * RCS (capability cached); otherwise — no RCS provider, an SMS-only phone, a failed check — the same
   * row becomes an SMS before anything was sent, so one event never reaches a phone twice.
   */
  protected async routeChannel(
    message: { id: string; to: string; channel: "sms" | "rcs"; attempts?: number }
  ): Promise<{ provider: MessagingProvider; note: string | null }> {
    if (message.channel !== "rcs") {
      return { provider: this.providers.sms, note: null }
    }
    if (this.providers.rcs && (message.attempts ?? 1) > 1) {
      // A retry of an RCS send: an earlier try may have reached the gateway, so this one goes there again
      // (the same message id, which the gateway deduplicates) rather than becoming an SMS beside it.
      return { provider: this.providers.rcs, note: null }
    }
    let reason: string
    if (!this.providers.rcs) {
      reason = "sent as SMS: RCS is not configured"
    } else {
      try {
        const capability = await this.rcs.capability(message.to)
        if (capability.rcs_capable) {
          return { provider: this.providers.rcs, note: null }
        }
        reason = `sent as SMS: the phone cannot receive RCS (${this.providers.rcs.identifier}${capability.cached ? ", cached" : ""})`
      } catch (error) {
        // SMS is the floor: an RCS provider that cannot answer does not hold the message back
        reason = `sent as SMS: RCS capability check failed: ${redactPhones((error as Error).message)}`
      }
    }
    await this.rcs.switchToSms(message.id)
    message.channel = "sms"
    return { provider: this.providers.sms, note: reason }
  }

  /**
   * Replaces a failed or expired RCS message by an SMS with the template's text (once; the RCS row keeps
   * its status) and queues it; the SMS goes through every check again (consent, quiet hours).
   */
  async fallBackToSms(rcsMessageId: string, reason: string): Promise<string | null> {
    const fallbackId = await this.writer.createFallback(rcsMessageId, reason)
    if (fallbackId) {
      await this.queue.enqueueSends([fallbackId])
      this.logger.info(`medusa-plugin-sms-rcs: RCS message ${rcsMessageId} replaced by SMS ${fallbackId} (${reason})`)
    }
    return fallbackId
  }

  /**
   * RCS messages not delivered by their deadline: each is revoked at its provider, then replaced by its
   * SMS. One the provider says it delivered meanwhile (revoke too late) is marked delivered instead.
   * Providers that cannot revoke are left to their own expiry (Twilio's ValidityPeriod reports failed).
   */
  async fallBackExpiredRcs(graceMs = 30_000): Promise<{ revoked: number; delivered: number }> {
    const revocable = [...this.providers.byId.values()].filter((p) => p.revoke).map((p) => p.identifier)
    let revoked = 0
    let delivered = 0
    for (const message of await this.rcs.pastDeadline(graceMs, 200, revocable)) {
      const provider = this.providers.byId.get(message.provider!)!
      const outcome = await provider.revoke!({ id: message.id, to: message.to, channel: "rcs", body: message.body })
      if (outcome === "revoked") {
        if (await this.states.transition(message.id, MessageStatus.EXPIRED, { status_reason: "RCS not delivered in time: revoked" })) {
          revoked++
          await this.fallBackToSms(message.id, "RCS not delivered in time")
        }
      } else if (await this.states.transition(message.id, MessageStatus.DELIVERED, { status_reason: "delivered (too late to revoke)" })) {
        delivered++
      }
    }
    return { revoked, delivered }
  }

  /**
   * The provider refused, or gave no clear answer. Its verdict is recorded (the writes retried); if
   * PostgreSQL still fails, a message the provider did not take is retried by the job (which keeps its
   * claim), and one it may have taken is left to the sweeper and the reconciler — never resent blindly.
   */
  protected async handleSendError(
    job: Job<SendJob>,
    message: { id: string; to: string; channel: "sms" | "rcs"; attempts: number },
    provider: MessagingProvider,
    error: unknown,
    deadline: Date | null = null
  ): Promise<void> {
    const providerError =
      error instanceof ProviderError ? error : new ProviderError("retryable", (error as Error)?.message ?? String(error))
    try {
      await this.recordSendError(job, message, provider, providerError, deadline)
    } catch (thrown) {
      if (thrown === providerError || isRateLimitError(thrown)) {
        throw thrown
      }
      if (providerError.kind === "ambiguous") {
        this.logger.error(
          `medusa-plugin-sms-rcs: message ${message.id} may have been sent and PostgreSQL could not record it ` +
            `(${(thrown as Error).message}); left to the sweeper and the reconciler, never resent blindly`
        )
        return
      }
      await job.updateData({ ...job.data, held_claim: message.attempts }).catch(() => undefined)
      throw thrown
    }
  }

  protected async recordSendError(
    job: Job<SendJob>,
    message: { id: string; to: string; channel: "sms" | "rcs" },
    provider: MessagingProvider,
    providerError: ProviderError,
    deadline: Date | null
  ): Promise<void> {
    const id = message.id
    const attemptsLeft = (job.opts.attempts ?? 1) - (job.attemptsMade + 1)

    if (providerError.kind === "ambiguous") {
      // the provider and the deadline are kept: the reconciler asks that provider, the expiry job knows when
      await retryDb(() =>
        this.states.transition(id, MessageStatus.UNKNOWN, {
          status_reason: providerError.message,
          provider: provider.identifier,
          ...(deadline ? { expires_at: deadline } : {}),
        })
      )
      this.logger.warn(`medusa-plugin-sms-rcs: message ${id} may or may not have been sent: ${providerError.message}`)
      return
    }
    if (providerError.kind === "retryable" && providerError.retryAfterMs) {
      // The provider asked us to slow down (429): every worker waits, and the attempt does not count.
      throw await this.putBack(id, providerError.retryAfterMs, `throttled by provider: ${providerError.message}`)
    }
    if (providerError.kind === "retryable" && attemptsLeft > 0) {
      await retryDb(() => this.states.transition(id, MessageStatus.QUEUED, { status_reason: `retrying: ${providerError.message}` }))
      throw providerError
    }
    if (providerError.kind === "retryable" && message.channel === "rcs" && provider.revoke) {
      // The last try of an RCS send that may have reached the gateway (a timeout, a 5xx): an SMS now could
      // reach the phone beside the RCS. Left `unknown` with its deadline: the expiry job revokes the RCS
      // first, then sends the SMS; RBM refuses a copy of the same message id meanwhile.
      await retryDb(() =>
        this.states.transition(id, MessageStatus.UNKNOWN, {
          status_reason: `gave up: ${providerError.message}`,
          provider: provider.identifier,
          expires_at: deadline ?? new Date(),
        })
      )
      this.logger.warn(`medusa-plugin-sms-rcs: RCS message ${id} left unknown after its last try: ${providerError.message}`)
      return
    }
    if (providerError.code === "21610") {
      // The owner replied STOP to the sender at the carrier: nothing more may go to this number.
      const row = await this.states.knex("sms_rcs_message").where({ id }).first("to")
      if (row?.to) {
        await this.consents.record({
          phone: row.to,
          purpose: "transactional",
          action: "revoke",
          source: "keyword",
          evidence: { provider: provider.identifier, error_code: "21610" },
        })
      }
    }
    const reason = providerError.code ? `${providerError.code}: ${providerError.message}` : providerError.message
    const failed = await retryDb(() =>
      this.states.transition(id, providerError.suppress ? MessageStatus.SUPPRESSED : MessageStatus.FAILED, {
        provider: provider.identifier,
        status_reason: reason,
      })
    )
    this.logger.warn(`medusa-plugin-sms-rcs: message ${id} failed: ${providerError.message}`)
    if (failed && message.channel === "rcs" && !providerError.suppress) {
      if (providerError.code === "RBM_NOT_RCS_REACHABLE") {
        // the phone turned RCS off since it was checked: remember it, as a capability check would
        const hours = this.options.rcs.capabilityCacheHours.notCapable
        await this.rcs.remember(message.to, provider.identifier, false, [], hours)
      }
      await this.fallBackToSms(id, `RCS failed: ${reason}`)
    }
  }

  /** Gives a claimed message back to the queue and holds the workers back for `ms`. */
  protected async putBack(id: string, ms: number, reason: string): Promise<Error> {
    await this.states.transition(id, MessageStatus.QUEUED, { status_reason: reason, undo_attempt: true })
    return this.queue.holdBack(ms)
  }

  protected async processStatusJob(job: Job<StatusJob>): Promise<void> {
    const { applied, message_id } = await this.applyStatusEvent(job.data.event)
    if (!message_id) {
      throw new StatusForUnknownMessage(
        `status ${job.data.event.status} for unknown ${job.data.event.provider} message ${job.data.event.provider_message_id}`
      )
    }
    if (!applied) {
      this.logger.debug?.(`medusa-plugin-sms-rcs: ignored ${job.data.event.status} for ${message_id} (state machine)`)
    }
  }

}
