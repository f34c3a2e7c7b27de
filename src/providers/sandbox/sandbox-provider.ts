import { randomUUID } from "crypto"
import { ProviderError, type MessagingProvider, type OutboundMessage, type ProviderContext, type SendResult } from "../types"

/**
 * Numbers that make the sandbox fail, to try error handling without a real gateway (as Twilio's test
 * credentials do): a number ending in 0002 is refused for good, one ending in 0003 hits a gateway
 * outage that is worth retrying, and one ending in 0004 is throttled (429, retry after 300 ms) on its
 * first try.
 */
export const SANDBOX_FAILING_SUFFIXES = { permanent: "0002", retryable: "0003", throttled: "0004" } as const

export type SandboxOptions = {
  /** How long after sending the sandbox reports the message delivered. */
  deliveryDelayMs: number
}

/**
 * A gateway that delivers to nowhere. It accepts every message, answers with an id, and reports it
 * delivered after `deliveryDelayMs` through the same status path real providers' webhooks use, so
 * everything downstream (statuses, admin, attribution) behaves as in production.
 */
export class SandboxProvider implements MessagingProvider {
  static readonly identifier = "sandbox"
  readonly identifier = SandboxProvider.identifier
  readonly channels = ["sms", "rcs"] as const

  private readonly throttledOnce = new Set<string>()

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
    const providerMessageId = `sbx_${randomUUID().replace(/-/g, "")}`
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
}
