import type { Logger } from "@medusajs/framework/types"
import { MessageStatus } from "../../../lib/message-status"
import { retryDb, type DbRetry, DEFAULT_DB_RETRY } from "./db-retry"
import type { KeptAnswers } from "./kept-answers"
import type { MessageStates } from "../messages/message-states"

export type AcceptedSend = {
  id: string
  provider: string
  provider_message_id: string
  /** Why the message went the way it did (an RCS message sent as SMS …). */
  note: string | null
  /** RCS: the deadline sent with the message. */
  deadline: Date | null
}

/**
 * Records a provider's "accepted" once the send call has answered. Only the provider call may decide a
 * retry: from here on the message is never sent again, whatever PostgreSQL does. The write is retried
 * (bounded); if it still fails, the answer is kept in Redis for the reconciler and the row stays `sending`
 * (no claim takes it), so the job ends without a resend. Never throws.
 */
export async function recordAccepted(
  states: MessageStates,
  kept: KeptAnswers,
  logger: Logger,
  send: AcceptedSend,
  retry: DbRetry = DEFAULT_DB_RETRY
): Promise<"recorded" | "kept" | "logged"> {
  try {
    await retryDb(async () => {
      const sent = await states.transition(send.id, MessageStatus.SENT, {
        provider: send.provider,
        provider_message_id: send.provider_message_id,
        status_reason: send.note,
        ...(send.deadline ? { expires_at: send.deadline } : {}),
      })
      if (!sent) {
        // A status callback overtook us (delivered before "sent" was written), or an earlier try of
        // this very write committed before its connection died: keep the status, add the id.
        await states.recordProviderId(send.id, send.provider, send.provider_message_id, send.deadline)
      }
    }, retry)
    return "recorded"
  } catch (error) {
    const why = (error as Error)?.message ?? String(error)
    try {
      await kept.keep({
        message_id: send.id,
        provider: send.provider,
        provider_message_id: send.provider_message_id,
        expires_at: send.deadline?.toISOString() ?? null,
      })
      logger.error(
        `medusa-plugin-sms-rcs: message ${send.id} was accepted by ${send.provider} as ${send.provider_message_id}, ` +
          `but PostgreSQL could not record it (${why}); kept for the reconciler, never sent again`
      )
      return "kept"
    } catch (keepError) {
      // The last trace: the row stays `sending`, the sweeper turns it `unknown`, and the reconciler asks
      // the provider (which finds it). Still never sent again by this job.
      logger.error(
        `medusa-plugin-sms-rcs: message ${send.id} was accepted by ${send.provider} as ${send.provider_message_id}, ` +
          `but neither PostgreSQL (${why}) nor Redis (${(keepError as Error).message}) could record it; ` +
          `the reconciler will ask the provider`
      )
      return "logged"
    }
  }
}
