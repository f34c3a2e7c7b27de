import { createHash } from "crypto"
import {
  ProviderError,
  type CapabilityResult,
  type MessagingProvider,
  type OutboundMessage,
  type ProviderContext,
  type ProviderHealth,
  type SendResult,
} from "../types"
import type { SandboxOptions } from "./sandbox-options"

/**
 * Numbers that make the sandbox fail, to try error handling without a real gateway (as Twilio's test
 * credentials do): a number ending in 0002 is refused for good, one ending in 0003 hits a gateway
 * outage that is worth retrying, and one ending in 0004 is throttled (429, retry after 300 ms) on its
 * first try.
 */
export const SANDBOX_FAILING_SUFFIXES = { permanent: "0002", retryable: "0003", throttled: "0004" } as const

/**
 * RCS in the sandbox: every number can receive RCS, except one ending in 0005 (an SMS-only phone: the
 * capability check says no) and one ending in 0006 (an RCS phone that stays offline: the RCS message is
 * never delivered, expires, and its SMS fallback goes out).
 */
export const SANDBOX_CAPABILITY_SUFFIXES = { smsOnly: "0005", offline: "0006" } as const

/**
 * A gateway that delivers to nowhere. It accepts every message, answers with an id, and reports it
 * delivered after `deliveryDelayMs` through the same status path real providers' webhooks use, so
 * everything downstream (statuses, admin, attribution) behaves as in production.
 */
export class SandboxProvider implements MessagingProvider {
  static readonly identifier = "sandbox"
  readonly identifier = SandboxProvider.identifier
  readonly channels = ["sms", "rcs"] as const

  /** Its ids are derived from ours, as RBM's are, so sending an unknown message again makes no second copy. */
  readonly resendIsSafe = true

  private readonly throttledOnce = new Set<string>()

  providerMessageIdOf(messageId: string): string {
    return `sbx_${createHash("sha256").update(messageId).digest("hex").slice(0, 32)}`
  }

  constructor(
    private readonly options: SandboxOptions,
    private readonly context: ProviderContext
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
    if (message.to.endsWith(SANDBOX_FAILING_SUFFIXES.permanent)) {
      throw new ProviderError("permanent", "sandbox: the destination cannot receive messages", "SBX_INVALID_DESTINATION")
    }
    if (message.to.endsWith(SANDBOX_FAILING_SUFFIXES.retryable)) {
      throw new ProviderError("retryable", "sandbox: gateway unavailable (503)", "SBX_UNAVAILABLE")
    }
    if (message.to.endsWith(SANDBOX_FAILING_SUFFIXES.throttled) && !this.throttledOnce.has(message.id)) {
      this.throttledOnce.add(message.id)
      throw new ProviderError("retryable", "sandbox: too many requests (429)", "SBX_THROTTLED", 300)
    }
    const providerMessageId = this.providerMessageIdOf(message.id)
    if (message.channel === "rcs" && message.to.endsWith(SANDBOX_CAPABILITY_SUFFIXES.offline)) {
      // taken, never delivered: the expiry job revokes it and sends the SMS
      return { provider_message_id: providerMessageId }
    }
    await this.context.reportStatus(
      {
        provider: this.identifier,
        provider_message_id: providerMessageId,
        message_id: message.id,
        status: "delivered",
        occurred_at: new Date(Date.now() + this.options.deliveryDelayMs).toISOString(),
      },
      this.options.deliveryDelayMs
    )
    if (message.channel === "rcs") {
      // RCS phones send read receipts: the sandbox reads the message a moment after delivering it
      await this.context.reportStatus(
        {
          provider: this.identifier,
          provider_message_id: providerMessageId,
          message_id: message.id,
          status: "read",
          occurred_at: new Date(Date.now() + 2 * this.options.deliveryDelayMs).toISOString(),
        },
        2 * this.options.deliveryDelayMs
      )
    }
    return { provider_message_id: providerMessageId }
  }

  async capabilities(phone: string): Promise<CapabilityResult> {
    if (phone.endsWith(SANDBOX_CAPABILITY_SUFFIXES.smsOnly)) {
      return { rcs_capable: false, features: [] }
    }
    return { rcs_capable: true, features: ["RICHCARD_STANDALONE", "RICHCARD_CAROUSEL", "ACTION_OPEN_URL", "ACTION_DIAL"] }
  }

  async revoke(message: OutboundMessage): Promise<"revoked" | "too_late"> {
    // only the offline phone's messages are still waiting; every other one was delivered at once
    return message.to.endsWith(SANDBOX_CAPABILITY_SUFFIXES.offline) ? "revoked" : "too_late"
  }

  async checkHealth(): Promise<ProviderHealth> {
    return { ok: true, detail: "sandbox: messages are delivered to nowhere and reported delivered" }
  }
}
