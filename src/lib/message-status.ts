/**
 * The life of a message, in one place. Every status change in the plugin goes through
 * `canTransition`, so an out-of-order or replayed provider event can never move a message backwards
 * (a late "sent" after "delivered", a "delivered" after "failed").
 */
export const MessageStatus = {
  QUEUED: "queued",
  DEFERRED: "deferred",
  SENDING: "sending",
  SENT: "sent",
  DELIVERED: "delivered",
  READ: "read",
  FAILED: "failed",
  UNKNOWN: "unknown",
  SKIPPED: "skipped",
  SUPPRESSED: "suppressed",
  EXPIRED: "expired",
  /** Deliberately not sent: in the holdout group of its automation or campaign (lib/analytics/holdout.ts). */
  HELD_OUT: "held_out",
} as const

export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus]

export const MESSAGE_STATUSES = Object.values(MessageStatus) as MessageStatus[]

const S = MessageStatus

/**
 * Allowed moves. `sending → delivered/read/failed` exists because a provider's status callback may
 * arrive before the worker has recorded the provider's answer to the send request; `sending → deferred`
 * and `sending → skipped` because quiet hours and frequency caps are checked once a worker holds the
 * message, at send time.
 */
const TRANSITIONS: Record<MessageStatus, readonly MessageStatus[]> = {
  [S.QUEUED]: [S.SENDING, S.DEFERRED, S.SKIPPED, S.SUPPRESSED, S.FAILED, S.EXPIRED],
  [S.DEFERRED]: [S.QUEUED, S.SENDING, S.SKIPPED, S.SUPPRESSED, S.EXPIRED],
  [S.SENDING]: [S.SENT, S.QUEUED, S.DEFERRED, S.SKIPPED, S.FAILED, S.UNKNOWN, S.SUPPRESSED, S.DELIVERED, S.READ],
  [S.SENT]: [S.DELIVERED, S.READ, S.FAILED, S.EXPIRED],
  // unknown → queued only when the provider, asked, has no trace of the message (see reconcileUnknown)
  [S.UNKNOWN]: [S.SENT, S.DELIVERED, S.READ, S.FAILED, S.EXPIRED, S.QUEUED],
  [S.DELIVERED]: [S.READ],
  [S.READ]: [],
  [S.FAILED]: [],
  [S.SKIPPED]: [],
  [S.SUPPRESSED]: [],
  [S.EXPIRED]: [],
  // written held out, never queued, never counted against a frequency cap (only sent statuses are)
  [S.HELD_OUT]: [],
}

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false
}

/** The statuses a message may be in for a move to `to` to be legal. */
export function allowedSourcesOf(to: MessageStatus): MessageStatus[] {
  return MESSAGE_STATUSES.filter((from) => canTransition(from, to))
}

/** Statuses after which nothing more will happen to a message. */
export function isFinal(status: MessageStatus): boolean {
  return TRANSITIONS[status].length === 0
}

/** The timestamp column that records when a message reached a status, if it has one. */
export const STATUS_TIMESTAMP: Partial<Record<MessageStatus, string>> = {
  [S.SENT]: "sent_at",
  [S.DELIVERED]: "delivered_at",
  [S.READ]: "read_at",
  [S.FAILED]: "failed_at",
}
