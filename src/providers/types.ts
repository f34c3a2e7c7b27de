/**
 * The one interface every gateway implements. The dispatch worker only ever talks to this, so adding a
 * gateway means writing one class (see README, "Writing a provider").
 */
export type Channel = "sms" | "rcs"

export type OutboundMessage = {
  /** Our message id; providers that support it use it as their own idempotency key. */
  id: string
  to: string
  channel: Channel
  body: string
  rich_payload?: Record<string, unknown> | null
}

export type SendResult = {
  provider_message_id: string
}

/** A status report from a provider, whether it came from a webhook or (sandbox) from the queue. */
export type ProviderStatusEvent = {
  provider: string
  provider_message_id: string
  /** Our id, when the provider echoes it back (callback URL, RBM messageId, sandbox). */
  message_id?: string
  status: "sent" | "delivered" | "read" | "failed" | "expired"
  reason?: string
  occurred_at: string
}

/**
 * Why a send failed, in the three cases the pipeline treats differently:
 * - `retryable`: the provider did not take the message (429, documented 5xx, connection refused);
 * - `permanent`: it never will (invalid number, opted out, bad credentials);
 * - `ambiguous`: it may have been sent (timeout after the request went out); never blindly resent.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: "retryable" | "permanent" | "ambiguous",
    message: string,
    readonly code?: string,
    readonly retryAfterMs?: number,
    /** A permanent refusal that means "never send to this number" rather than "this send failed". */
    readonly suppress?: boolean
  ) {
    super(message)
    this.name = "ProviderError"
  }
}

export type ProviderContext = {
  /** Lets a provider report a status later through the same path webhooks use. */
  reportStatus(event: ProviderStatusEvent, delayMs: number): Promise<void>
}

/** What the provider knows of a message whose send had no clear answer. */
export type LookupResult =
  | { found: true; provider_message_id: string; status: "sent" | "delivered" | "read" | "failed" }
  | { found: false }

export interface MessagingProvider {
  readonly identifier: string
  readonly channels: readonly Channel[]
  send(message: OutboundMessage): Promise<SendResult>
  /**
   * Finds a message the provider may or may not have taken (a timeout, a worker killed mid-send), sent
   * no earlier than `since`. Providers that cannot look messages up leave it out: such messages stay
   * `unknown` until a status callback settles them.
   */
  lookup?(message: OutboundMessage, since: Date): Promise<LookupResult>
}
