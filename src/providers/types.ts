import type { z } from "zod"
import type { GatewayUse, OptionProblem } from "../lib/options"
import { redactPhones } from "../lib/redact-phones"

/**
 * The one interface every gateway implements (`MessagingProvider`), and what a gateway's folder exports to
 * register itself (`Gateway`). The dispatch worker only ever talks to the first; the registry reads the
 * second, so adding a gateway is adding a folder (see docs/developers.md, "Adding a gateway").
 */
export type Channel = "sms" | "rcs"

export type OutboundMessage = {
  /** Our message id; providers that support it use it as their own idempotency key. */
  id: string
  to: string
  channel: Channel
  body: string
  rich_payload?: Record<string, unknown> | null
  /** RCS: the provider drops (revokes) the message if the phone has not taken it by then. */
  expires_at?: Date | null
  /** MMS (SMS channel only): an image sent with the text, by providers that send MMS (Twilio). */
  media_url?: string | null
}

/** What a phone can receive, as the provider answers it. */
export type CapabilityResult = {
  rcs_capable: boolean
  /** Features reported, e.g. RICHCARD_STANDALONE, RICHCARD_CAROUSEL, ACTION_OPEN_URL. */
  features: string[]
}

/** Whether the provider accepts our credentials, and where its console must send webhooks. */
export type ProviderHealth = {
  ok: boolean
  detail: string
}

export type WebhookEndpoint = {
  /** What to paste it as in the provider's console ("Status callback", "Agent webhook" …). */
  label: string
  url: string
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
  /** The phone the message went to, when the event names it (RBM): finds a message by a derived id. */
  to?: string
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
    // providers' messages often name the number ("The 'To' number +33… is not valid"): it goes no further
    // than here, neither into logs nor into `status_reason`
    super(redactPhones(message))
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
  /**
   * Not there. `lost`: and it never will be — the provider's queue window since the claim has passed, so
   * sending it now cannot make a second copy; otherwise it is asked about again later.
   */
  | { found: false; lost: boolean }

/** A message to look for: what was (or would have been) sent, when it was claimed, and any id known. */
export type LookupQuery = OutboundMessage & {
  claimed_at: Date
  /** The provider's id, when its answer reached us (kept after a database fault): the exact match. */
  provider_message_id?: string | null
}

/** Which of these provider ids are already recorded on other messages (a lookup must not take them). */
export type TakenIds = (providerMessageIds: string[]) => Promise<Set<string>>

export interface MessagingProvider {
  readonly identifier: string
  readonly channels: readonly Channel[]
  send(message: OutboundMessage): Promise<SendResult>
  /**
   * Finds a message the provider may or may not have taken (a timeout, a worker killed mid-send).
   * Providers that cannot look messages up leave it out (see `resendIsSafe`).
   */
  lookup?(message: LookupQuery, taken: TakenIds): Promise<LookupResult>
  /**
   * The provider deduplicates sends by an id derived from ours (RBM's `messageId`): sending a message
   * whose first send had no clear answer again cannot reach the phone twice, so that is how it is settled.
   */
  readonly resendIsSafe?: boolean
  /** The provider's id of our message, when it is derived from ours (events may arrive before the send's answer). */
  providerMessageIdOf?(messageId: string): string
  /**
   * RCS providers: can this phone receive RCS? A provider that checks by itself on every send (Twilio's
   * Messaging Service falls back to SMS on its own) leaves it out, and every RCS message is tried.
   */
  capabilities?(phone: string): Promise<CapabilityResult>
  /**
   * RCS providers: takes back a message the phone has not received yet. `revoked`: it never will;
   * `too_late`: it was delivered meanwhile (no fallback then).
   */
  revoke?(message: OutboundMessage): Promise<"revoked" | "too_late">
  /** Checks the credentials with a harmless call (admin setup page). */
  checkHealth?(): Promise<ProviderHealth>
  /** The webhook URLs to set in the provider's console. */
  webhooks?(publicUrl: string | null): WebhookEndpoint[]
}

/** A webhook request as a gateway reads it: plain values, no Medusa types. */
export type WebhookRequest = {
  /** The bytes as sent: signatures are computed over them. */
  rawBody: Buffer | undefined
  /** The body as parsed by its content type (JSON, form). */
  body: unknown
  /** Path and query as called (Twilio signs the full URL). */
  originalUrl: string
  query: Record<string, unknown>
  header(name: string): string | undefined
}

/** What a verified webhook tells the plugin, applied in order by the route. */
export type WebhookEvent =
  | {
      kind: "status"
      event: ProviderStatusEvent
      /**
       * The event may overtake the answer to its send (RBM): one that matches no message yet is kept and
       * retried until it does. Otherwise such an event is dropped.
       */
      keepIfUnknown?: boolean
    }
  /** A text from a shopper: consent keywords, then a reply. */
  | {
      kind: "inbound"
      from: string
      to?: string | null
      body: string
      provider_message_id: string
      /** An RCS suggestion tapped (its text is `body`), with its postback data and the message it came with. */
      tap?: { postback: string | null; in_reply_to: string | null }
    }
  /** A tap on an RCS suggestion: a touch of the message it came with (null: the phone's latest RCS message). */
  | { kind: "tap"; message_id: string | null; from: string; at: Date }

export type WebhookAnswer = { status: number; json?: unknown; text?: string; type?: string }

export type WebhookOutcome = {
  answer: WebhookAnswer
  /** Why the request was refused (logged with the caller's address, never the body). */
  refused?: string
  events?: WebhookEvent[]
  /** The gateway's id of the event: a replay of it (within 7 days) is acknowledged and changes nothing. */
  eventId?: string
}

/** Verifies and reads one webhook request, with the gateway's options. */
export type WebhookHandler<Options = any> = (request: WebhookRequest, options: Options) => WebhookOutcome

/**
 * A gateway, as its folder exports it and `registry.ts` lists it: its options, what it can send, how to
 * build its provider, and its webhooks. Nothing else in the plugin names a gateway.
 */
export type Gateway<Schema extends z.ZodType = z.ZodType<any>> = {
  /** Its name in the `provider` / `rcs.provider` options, the key of its own options, its webhooks' path. */
  readonly id: string
  /** How the docs and errors name it ("Twilio", "Google RBM"). */
  readonly docsName: string
  /** What it can send at all (its provider may serve fewer, e.g. Twilio RCS needs a Messaging Service). */
  readonly channels: readonly Channel[]
  /** The schema of `options[id]`: optional, or with a default. */
  readonly options: Schema
  /** Checks against the rest of the options (e.g. required when chosen); paths are under `options[id]`. */
  optionProblems?(use: GatewayUse, options: z.output<Schema>): OptionProblem[]
  /** Its provider; called only when it is chosen, so its options are there (`optionProblems` saw to it). */
  create(options: NonNullable<z.output<Schema>>, context: ProviderContext): MessagingProvider
  /**
   * Its webhooks, by path under `/hooks/messaging/{id}` ("" for that path itself, "status" for
   * `/hooks/messaging/{id}/status`). Answered 404 while the gateway has no options.
   */
  readonly webhooks?: Readonly<Record<string, WebhookHandler<NonNullable<z.output<Schema>>>>>
}
