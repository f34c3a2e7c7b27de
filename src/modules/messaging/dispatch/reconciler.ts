import type { Logger } from "@medusajs/framework/types"
import { MessageStatus } from "../../../lib/message-status"
import type { MessagingProvider, Providers } from "../../../providers"
import type { DispatchQueue } from "./dispatch-queue"
import type { KeptAnswers } from "./kept-answers"
import type { MessageStates, UnknownMessage } from "../messages/message-states"

export type ReconcileReport = {
  /** Answers kept in Redis during a database fault, now written. */
  recorded: number
  /** Found at the provider: the status it reports. */
  found: number
  /** Never reached the provider (or a resend is safe): queued again. */
  requeued: number
  /** Still undecided (inside the provider's queue window, or the provider could not be asked). */
  waiting: number
}

/**
 * Settles messages whose send had no clear answer, on every provider and both channels, so that each
 * ends in a final state (or its SMS fallback) and none is sent twice:
 * 1. an answer kept in Redis while PostgreSQL failed → `sent` with the provider's id;
 * 2. a provider that can look messages up (Twilio) → the status it reports; not there → queued again
 *    only once its queue window has passed (before that it may still show up);
 * 3. a provider that deduplicates by our id (RBM, the sandbox) → queued again: the resend is either the
 *    first copy or refused as a duplicate (which records it sent).
 */
export class Reconciler {
  constructor(
    private readonly states: MessageStates,
    private readonly providers: Providers,
    private readonly kept: KeptAnswers,
    private readonly queue: DispatchQueue,
    private readonly logger: Logger,
    /** An RCS message the provider reports failed is replaced by its SMS. */
    private readonly fallBackToSms: (rcsMessageId: string, reason: string) => Promise<unknown>
  ) {}

  async run(olderThanMs: number, limit = 200): Promise<ReconcileReport> {
    const report: ReconcileReport = { recorded: await this.recordKept(), found: 0, requeued: 0, waiting: 0 }
    const requeue: string[] = []
    for (const message of await this.states.unknownSince(olderThanMs, limit)) {
      try {
        const outcome = await this.settle(message)
        if (outcome === "requeue") requeue.push(message.id)
        else report[outcome]++
      } catch (error) {
        report.waiting++
        this.logger.warn(`medusa-plugin-sms-rcs: could not settle unknown message ${message.id} yet: ${(error as Error).message}`)
      }
    }
    report.requeued = await this.queue.requeueSends(requeue).then(() => requeue.length)
    return report
  }

  /** Writes the answers kept while PostgreSQL failed; each one is forgotten once it is recorded. */
  async recordKept(): Promise<number> {
    let recorded = 0
    for (const id of await this.kept.ids()) {
      const answer = await this.kept.get(id)
      if (answer) {
        const expiresAt = answer.expires_at ? new Date(answer.expires_at) : null
        const sent = await this.states.transition(id, MessageStatus.SENT, {
          provider: answer.provider,
          provider_message_id: answer.provider_message_id,
          status_reason: "recorded late: the database failed when the provider accepted it",
          ...(expiresAt ? { expires_at: expiresAt } : {}),
        })
        if (!sent) await this.states.recordProviderId(id, answer.provider, answer.provider_message_id, expiresAt)
        recorded++
      }
      await this.kept.forget(id)
    }
    return recorded
  }

  private providerOf(message: UnknownMessage): MessagingProvider | null {
    if (message.provider) return this.providers.byId.get(message.provider) ?? null
    return message.channel === "rcs" ? this.providers.rcs : this.providers.sms
  }

  private async settle(message: UnknownMessage): Promise<"found" | "requeue" | "waiting"> {
    const provider = this.providerOf(message)
    if (!provider) return "waiting"
    if (provider.lookup) {
      const result = await provider.lookup(
        {
          id: message.id,
          to: message.to,
          channel: message.channel,
          body: message.body,
          rich_payload: message.rich_payload,
          expires_at: message.expires_at,
          claimed_at: message.claimed_at,
          provider_message_id: message.provider_message_id,
        },
        (ids) => this.states.recordedProviderIds(provider.identifier, ids)
      )
      if (result.found) {
        const moved = await this.states.transition(message.id, result.status, {
          provider: provider.identifier,
          provider_message_id: result.provider_message_id,
          status_reason: "reconciled: found at the provider",
        })
        if (moved && message.channel === "rcs" && result.status === "failed") {
          await this.fallBackToSms(message.id, "RCS failed (found at the provider)")
        }
        return "found"
      }
      if (!result.lost) return "waiting"
      return (await this.requeue(message.id, "reconciled: the provider never received it")) ? "requeue" : "waiting"
    }
    if (provider.resendIsSafe) {
      const requeued = await this.requeue(message.id, `reconciled: sent again (${provider.identifier} refuses a second copy)`)
      return requeued ? "requeue" : "waiting"
    }
    return "waiting"
  }

  private requeue(id: string, reason: string): Promise<boolean> {
    return this.states.transition(id, MessageStatus.QUEUED, { status_reason: reason, undo_attempt: true })
  }
}
