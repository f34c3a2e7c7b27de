import { randomUUID } from "crypto"
import type { MessagingProvider, OutboundMessage, ProviderContext, SendResult } from "../types"

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

  constructor(
    private readonly options: SandboxOptions,
    private readonly context: ProviderContext
  ) {}

  async send(message: OutboundMessage): Promise<SendResult> {
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
    return { provider_message_id: providerMessageId }
  }
}
